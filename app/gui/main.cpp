// pfviz: the desktop window. With --screenshot it renders offscreen after the given step and
// exits (0, or 2 with a message on bad input), for tests and docs.
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>
#include <cstdio>

#include "charts/ChartsPanel.h"
#include "pfviz/Event.h"
#include "ui/AppSettings.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"
#include "ui/SimulationController.h"

namespace {
int fail(const QString& msg) {
    std::fprintf(stderr, "pfviz: %s\n", qPrintable(msg));
    return 2;
}

bool kindFromId(const QString& id, pfviz::EventKind& out) {
    for (int k = 0; k < pfviz::kEventKindCount; ++k)
        if (QString::fromLatin1(pfviz::eventKindId(pfviz::EventKind(k)).data()) == id) {
            out = pfviz::EventKind(k);
            return true;
        }
    return false;
}
}  // namespace

int main(int argc, char** argv) {
    bool screenshot = false;
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], "--screenshot") == 0) screenshot = true;
    if (screenshot && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("pfviz"));
    QApplication::setApplicationName(QStringLiteral("pfviz"));
    QApplication::setApplicationVersion(QStringLiteral(PFVIZ_VERSION));
    // The desktop entry's name (io.github.pfviz.pfviz.desktop), so that Wayland and X11 docks
    // show the window with the application's icon and name.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.pfviz.pfviz"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/pfviz.svg")));
    if (screenshot) pfviz::ui::AppSettings::setPersistent(false);
    pfviz::ui::Language::apply();  // the stored choice, so that --help is translated too

    QCommandLineParser cli;
    cli.setApplicationDescription(
        QApplication::translate("main", "Interactive visualizer of Linux page faults"));
    cli.addHelpOption();
    cli.addVersionOption();
    const QCommandLineOption scenarioOpt(
        QStringLiteral("scenario"),
        QApplication::translate("main", "Built-in scenario name or scenario file."),
        QStringLiteral("NAME|FILE"));
    const QCommandLineOption stepOpt(QStringLiteral("step"),
                                     QApplication::translate("main", "Go to step N."),
                                     QStringLiteral("N"));
    const QCommandLineOption runToOpt(
        QStringLiteral("run-to"),
        QApplication::translate("main", "Run until the first event of this kind (e.g. cow_copy)."),
        QStringLiteral("EVENT"));
    const QCommandLineOption sizeOpt(QStringLiteral("size"),
                                     QApplication::translate("main", "Window size, WxH."),
                                     QStringLiteral("WxH"));
    const QCommandLineOption presenterOpt(
        QStringLiteral("presenter"), QApplication::translate("main", "Start in presenter mode."));
    const QCommandLineOption langOpt(
        QStringLiteral("lang"),
        QApplication::translate("main",
                                "Language of the window and the narration: en or ko (for this run; "
                                "View > Language stores a choice)."),
        QStringLiteral("LANG"));
    const QCommandLineOption chartOpt(
        QStringLiteral("chart"),
        QApplication::translate("main",
                                "Chart tab to show: faults, memory, tlb, rss or workingset."),
        QStringLiteral("CHART"));
    const QCommandLineOption shotOpt(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Render the window to a PNG and exit."),
        QStringLiteral("OUT.png"));
    cli.addOptions(
        {scenarioOpt, stepOpt, runToOpt, sizeOpt, presenterOpt, langOpt, shotOpt, chartOpt});
    cli.addPositionalArgument(
        QStringLiteral("file"),
        QApplication::translate("main",
                                "Scenario file to open (what the desktop passes for a double-click "
                                "on a .pfviz.json file); the same as --scenario FILE."),
        QStringLiteral("[FILE]"));
    cli.process(app);
    const QStringList files = cli.positionalArguments();
    if (files.size() > 1)
        return fail(
            QApplication::translate("main", "give one scenario file, not %1").arg(files.size()));
    if (!files.isEmpty() && cli.isSet(scenarioOpt))
        return fail(
            QApplication::translate("main", "give a scenario file or --scenario, not both"));

    if (cli.isSet(langOpt)) {
        const QString lang = cli.value(langOpt);
        if (lang != QLatin1String("en") && lang != QLatin1String("ko"))
            return fail(
                QApplication::translate("main", "--lang must be en or ko, not \"%1\"").arg(lang));
        pfviz::ui::AppSettings::setLanguageOverride(lang);
    }
    pfviz::ui::Language::apply();  // --lang given

    QSize size(1600, 1000);
    if (cli.isSet(sizeOpt)) {
        const QStringList wh = cli.value(sizeOpt).split(QLatin1Char('x'));
        bool okW = false, okH = false;
        if (wh.size() == 2) size = QSize(wh[0].toInt(&okW), wh[1].toInt(&okH));
        if (!okW || !okH || size.width() < 320 || size.height() < 240)
            return fail(QApplication::translate("main", "--size must look like 1920x1080"));
    }

    pfviz::ui::MainWindow w;
    QString loadError;
    if (screenshot) {
        w.setAnimationsEnabled(false);
        w.setErrorReporter([&loadError](const QString& m) { loadError = m; });
    }
    const QString scenario = !files.isEmpty()         ? files.front()
                             : cli.isSet(scenarioOpt) ? cli.value(scenarioOpt)
                                                      : QStringLiteral("fork_cow");
    if (!w.openScenario(scenario)) {
        if (screenshot) return fail(loadError);
        w.openScenario(QStringLiteral("fork_cow"));
    }
    auto& ctl = w.controller();
    if (cli.isSet(stepOpt)) {
        bool ok = false;
        const qulonglong n = cli.value(stepOpt).toULongLong(&ok);
        if (!ok) return fail(QApplication::translate("main", "--step needs a number"));
        ctl.seek(n);
    }
    if (cli.isSet(runToOpt)) {
        pfviz::EventKind kind{};
        if (!kindFromId(cli.value(runToOpt), kind))
            return fail(QApplication::translate("main", "unknown event kind \"%1\" for --run-to")
                            .arg(cli.value(runToOpt)));
        if (!ctl.runToKindNow(kind) && screenshot)
            return fail(
                QApplication::translate("main", "no %1 event before the end of the scenario")
                    .arg(cli.value(runToOpt)));
    }
    if (cli.isSet(chartOpt)) {
        const auto chart = pfviz::ui::chartFromName(cli.value(chartOpt));
        if (!chart)
            return fail(QApplication::translate(
                            "main", "unknown chart \"%1\" (faults, memory, tlb, rss or workingset)")
                            .arg(cli.value(chartOpt)));
        w.charts()->setCurrentChart(*chart);
    }
    w.resize(size);
    if (cli.isSet(presenterOpt)) w.setPresenterMode(true);
    w.show();
    // The tour, once: on the very first start, not when a scenario or a screenshot was asked for.
    if (!screenshot && !cli.isSet(scenarioOpt) && files.isEmpty() &&
        !pfviz::ui::AppSettings::tourSeen()) {
        pfviz::ui::AppSettings::setTourSeen(true);
        QTimer::singleShot(0, &w, [&w] { w.showTour(); });
    }

    if (screenshot) {
        const QString out = cli.value(shotOpt);
        int rc = 0;
        QTimer::singleShot(400, &w, [&] {
            QApplication::processEvents();
            if (!w.grab().save(out)) {
                std::fprintf(
                    stderr, "pfviz: %s\n",
                    qPrintable(QApplication::translate("main", "cannot write %1").arg(out)));
                rc = 2;
            }
            QApplication::exit(rc);
        });
        const int r = QApplication::exec();
        return r == 0 ? rc : r;
    }
    return QApplication::exec();
}
