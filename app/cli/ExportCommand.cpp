// pfviz-cli export: a chart (PNG/SVG/PDF) or the series data (CSV/JSON) of a scenario run,
// headless, so a teacher can regenerate every slide from a script. Qt is linked only in the GUI
// build, and QApplication is created only by this command: run/list/validate stay Qt-free.
#include <iostream>

#include "CliSupport.h"
#include "Commands.h"

#if PFVIZ_WITH_QT
#include <QApplication>
#include <QString>
#include <algorithm>
#include <charconv>

#include "charts/ChartExport.h"
#include "pfviz/Simulator.h"
#endif

namespace pfviz::cli {

const char* const kExportHelp =
    "usage: pfviz-cli export FILE|NAME --chart faults|memory|tlb|rss|workingset\n"
    "                        --format png|svg|pdf|csv|json --out FILE [--size WxH] [--dpi N]\n"
    "                        [--theme slide|dark|screen] [--until STEP|END] [--title TEXT]\n"
    "                        [--caption TEXT] [--seed N] [--linear] [--tau N]\n"
    "\n"
    "Runs a scenario (to the end, or until STEP steps are done) and writes one chart or its data.\n"
    "  --chart C     faults (rates of minor/major/invalid/CoW faults, with the seed's "
    "thresholds),\n"
    "                memory (stacked frames, swap, watermarks, pressure level band, PSI avg10),\n"
    "                tlb (hit rate and misses), rss (RSS and swap per process), workingset\n"
    "                (Denning's W(t, tau) per process, over the scenario's page references)\n"
    "  --format F    png, svg, pdf (the chart) or csv, json (every sample of the series, "
    "undecimated;\n"
    "                workingset: every W(t, tau) point)\n"
    "  --out FILE    written atomically: on failure the old file (or nothing) is left\n"
    "  --size WxH    pixels, default 1920x1080 (PDF: the page is WxH at --dpi)\n"
    "  --dpi N       default 96\n"
    "  --theme T     slide (default: white, large fonts, colour-blind safe), dark or screen\n"
    "  --until S     stop after S steps (END: run to the end, the default)\n"
    "  --title TEXT  chart title; --caption TEXT: a line under the chart\n"
    "  --linear      linear instead of logarithmic rate axis (faults chart)\n"
    "  --tau N       working-set window in references (workingset chart), default 100\n"
    "Works without a display (uses Qt's offscreen platform).\n"
    "Exit codes: 0 success, 2 bad input, usage or a file that cannot be written.\n";

#if !PFVIZ_WITH_QT

int exportCommand(const std::vector<std::string>&) {
    std::cerr << "this pfviz-cli was built without Qt; export is unavailable\n";
    return kExitBadInput;
}

#else

namespace {

QSize parseSize(const std::string& s) {
    const auto x = s.find('x');
    int w = 0, h = 0;
    if (x != std::string::npos) {
        const auto r1 = std::from_chars(s.data(), s.data() + x, w);
        const auto r2 = std::from_chars(s.data() + x + 1, s.data() + s.size(), h);
        if (r1.ec == std::errc{} && r1.ptr == s.data() + x && r2.ec == std::errc{} &&
            r2.ptr == s.data() + s.size() && w >= 16 && h >= 16 && w <= 16384 && h <= 16384)
            return {w, h};
    }
    throw UsageError{"--size expects WIDTHxHEIGHT in pixels (16..16384), got '" + s + "'"};
}

}  // namespace

int exportCommand(const std::vector<std::string>& argv) {
    Args args(argv);
    if (args.flag("--help") || args.flag("-h")) {
        std::cout << kExportHelp;
        return kExitOk;
    }
    const auto chart = args.value("--chart");
    const auto format = args.value("--format");
    const auto out = args.value("--out");
    const auto size = args.value("--size");
    const auto dpi = args.unsignedValue("--dpi");
    const auto theme = args.value("--theme");
    const auto until = args.value("--until");
    const auto title = args.value("--title");
    const auto caption = args.value("--caption");
    const auto seed = args.unsignedValue("--seed");
    const bool linear = args.flag("--linear");
    const auto tau = args.unsignedValue("--tau");
    const auto pos = args.positionals();
    if (pos.size() != 1)
        throw UsageError{"export takes exactly one scenario (a file or a built-in name)"};
    if (!chart) throw UsageError{"--chart is required (faults, memory, tlb, rss or workingset)"};
    if (!format) throw UsageError{"--format is required (png, svg, pdf, csv or json)"};
    if (!out) throw UsageError{"--out is required"};

    const auto kind = ui::chartFromName(QString::fromStdString(*chart));
    if (!kind)
        throw UsageError{"unknown --chart '" + *chart +
                         "' (faults, memory, tlb, rss or workingset)"};
    if (tau && *tau == 0) throw UsageError{"--tau must be at least 1"};
    const std::string fmt = *format;
    if (fmt != "png" && fmt != "svg" && fmt != "pdf" && fmt != "csv" && fmt != "json")
        throw UsageError{"unknown --format '" + fmt + "' (png, svg, pdf, csv or json)"};
    ui::ExportOptions opt;
    opt.format = QString::fromStdString(fmt);
    if (size) opt.size = parseSize(*size);
    if (dpi) {
        if (*dpi < 10 || *dpi > 2400) throw UsageError{"--dpi must be between 10 and 2400"};
        opt.dpi = static_cast<int>(*dpi);
    }
    if (theme) {
        const auto t = ui::themeFromName(QString::fromStdString(*theme));
        if (!t) throw UsageError{"unknown --theme '" + *theme + "' (slide, dark or screen)"};
        opt.style.theme = *t;
    }
    opt.style.logY = !linear;
    if (title) opt.style.title = QString::fromStdString(*title);
    if (caption) opt.style.caption = QString::fromStdString(*caption);
    std::optional<std::uint64_t> untilStep;
    if (until && *until != "END" && *until != "end") {
        std::uint64_t v = 0;
        const auto [p, ec] = std::from_chars(until->data(), until->data() + until->size(), v);
        if (ec != std::errc{} || p != until->data() + until->size())
            throw UsageError{"--until expects a step number or END, got '" + *until + "'"};
        untilStep = v;
    }

    Scenario scenario = loadScenarioArg(pos[0]);
    SimulatorOptions simOptions;
    simOptions.history = false;  // no stepping back here
    if (seed) simOptions.seed = *seed;
    Simulator sim(std::move(scenario), simOptions);

    // Qt Charts needs a QApplication even to paint into a file; no display needed.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    static int qtArgc = 1;
    static char qtName[] = "pfviz-cli";
    static char* qtArgv[] = {qtName, nullptr};
    QApplication app(qtArgc, qtArgv);

    ui::ChartData data(*kind);
    const std::uint64_t limit = untilStep ? *untilStep : sim.totalSteps();
    while (!sim.atEnd() && sim.stepIndex() < limit)
        sim.runUntil(nullptr, limit - sim.stepIndex());
    data.sync(sim.series());
    std::vector<trace::ProcessWorkingSet> workingSets;
    if (*kind == ui::ChartKind::WorkingSet) {
        // Full data (stride 1); the chart decimates for drawing. References after --until are
        // hidden by the chart and left out of the data.
        workingSets = trace::workingSets(trace::scenarioReferences(sim.scenario(), sim.seed()),
                                         tau ? *tau : 100);
        data.setWorkingSets(workingSets);
        for (auto& w : workingSets) {
            const auto n = static_cast<std::size_t>(
                std::lower_bound(w.steps.begin(), w.steps.end(), sim.stepIndex()) -
                w.steps.begin());
            w.points.resize(n);
            w.times.resize(n);
            w.steps.resize(n);
        }
    }

    const QString path = QString::fromStdString(*out);
    QString error;
    bool ok = false;
    if (*kind == ui::ChartKind::WorkingSet && fmt == "csv")
        ok = ui::writeFileAtomically(path, ui::workingSetCsv(workingSets), &error);
    else if (*kind == ui::ChartKind::WorkingSet && fmt == "json")
        ok = ui::writeFileAtomically(path, ui::workingSetJson(sim, workingSets), &error);
    else if (fmt == "csv")
        ok = ui::writeSeriesCsv(sim, path, &error);
    else if (fmt == "json")
        ok = ui::writeSeriesJson(sim, path, &error);
    else
        ok = ui::exportChart(data, opt, path, &error);
    if (!ok) {
        std::cerr << "pfviz-cli export: " << error.toStdString() << '\n';
        return kExitBadInput;
    }
    return kExitOk;
}

#endif

}  // namespace pfviz::cli
