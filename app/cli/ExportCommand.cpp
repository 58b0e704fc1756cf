// pfviz-cli export: a chart (PNG/SVG/PDF) or the series data (CSV/JSON) of a scenario run,
// headless, so a teacher can regenerate every slide from a script. Qt is linked only in the GUI
// build, and QApplication is created only by this command: run/list/validate stay Qt-free.
#include <charconv>
#include <iostream>

#include "CliSupport.h"
#include "Commands.h"

#if PFVIZ_WITH_QT
#include <QApplication>
#include <QString>
#include <algorithm>

#include "charts/ChartExport.h"
#include "pfviz/Simulator.h"
#endif

namespace pfviz::cli {

namespace {

std::pair<int, int> parseSize(const std::string& s) {
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

CLI::App* declareExport(CommandLine& cli, ExportOptions& o) {
    CLI::App* cmd = cli.addCommand(
        "export",
        PFVIZ_WITH_QT ? "write a chart (png/svg/pdf) or the series (csv/json)"
                      : "write a chart or the series (unavailable: built without Qt)",
        {.intro = std::string("Runs a scenario (to the end, or until STEP steps are done) and "
                              "writes one chart or its data.") +
                  (PFVIZ_WITH_QT ? ""
                                 : " This pfviz-cli was built without Qt: export is "
                                   "unavailable."),
         .footer = "Works without a display (uses Qt's offscreen platform).\n"
                   "Exit codes: 0 success, 2 bad input, usage or a file that cannot be written.",
         .usage = {"FILE|NAME --chart C --format F --out FILE [OPTIONS]"},
         .arguments = "export takes exactly one scenario (a file or a built-in name)"});
    addPositional(*cmd, "FILE|NAME", o.scenario,
                  "a scenario file, or the name of a built-in scenario");
    cli.require(
        addValueOption(*cmd, "--chart", "C",
                       "faults (rates of minor/major/invalid/CoW faults, with the seed's "
                       "thresholds), memory (stacked frames, swap, watermarks, pressure level "
                       "band, PSI avg10), tlb (hit rate and misses), rss (RSS and swap per "
                       "process), workingset (Denning's W(t, tau) per process, over the "
                       "scenario's page references)",
                       [&o](const std::string& c) { o.chart = c; }),
        "--chart is required (faults, memory, tlb, rss or workingset)");
    cli.require(
        addValueOption(*cmd, "--format", "F",
                       "png, svg, pdf (the chart) or csv, json (every sample of the "
                       "series, undecimated; workingset: every W(t, tau) point)",
                       [&o](const std::string& f) {
                           if (f != "png" && f != "svg" && f != "pdf" && f != "csv" && f != "json")
                               throw UsageError{"unknown --format '" + f +
                                                "' (png, svg, pdf, csv or json)"};
                           o.format = f;
                       }),
        "--format is required (png, svg, pdf, csv or json)");
    cli.require(addValueOption(*cmd, "--out", "FILE",
                               "written atomically: on failure the old file (or nothing) is left",
                               [&o](const std::string& f) { o.out = f; }),
                "--out is required");
    addValueOption(*cmd, "--size", "WxH",
                   "pixels, 16 to 16384 each, default 1920x1080 (PDF: the page is WxH at --dpi)",
                   [&o](const std::string& s) { o.size = parseSize(s); });
    addUnsignedOption(*cmd, "--dpi", "N", "dots per inch, 10 to 2400, default 96",
                      [&o](std::uint64_t dpi) {
                          if (dpi < 10 || dpi > 2400)
                              throw UsageError{"--dpi must be between 10 and 2400"};
                          o.dpi = static_cast<int>(dpi);
                      });
    addStringOption(*cmd, "--theme", "T", o.theme,
                    "slide (default: white, large fonts, colour-blind safe), dark or screen");
    addValueOption(
        *cmd, "--until", "STEP|END", "stop after STEP steps (END: run to the end, the default)",
        [&o](const std::string& u) {
            if (u == "END" || u == "end") return;
            std::uint64_t v = 0;
            const auto [p, ec] = std::from_chars(u.data(), u.data() + u.size(), v);
            if (u.empty() || ec != std::errc{} || p != u.data() + u.size())
                throw UsageError{"--until expects a step number or END, got '" + u + "'"};
            o.until = v;
        });
    addStringOption(*cmd, "--title", "TEXT", o.title, "chart title");
    addStringOption(*cmd, "--caption", "TEXT", o.caption, "a line under the chart");
    addUnsignedOption(*cmd, "--seed", "N", o.seed, "use seed N instead of the scenario's");
    addFlag(*cmd, "--linear", o.linear, "linear instead of logarithmic rate axis (faults chart)");
    addUnsignedOption(*cmd, "--tau", "N",
                      "working-set window in references (workingset chart), default 100",
                      [&o](std::uint64_t tau) {
                          if (tau == 0) throw UsageError{"--tau must be at least 1"};
                          o.tau = tau;
                      });
    return cmd;
}

#if !PFVIZ_WITH_QT

int exportCommand(const ExportOptions&) {
    std::cerr << "pfviz-cli export: this pfviz-cli was built without Qt; export is unavailable\n";
    return kExitBadInput;
}

#else

int exportCommand(const ExportOptions& o) {
    const auto kind = ui::chartFromName(QString::fromStdString(o.chart));
    if (!kind)
        throw UsageError{"unknown --chart '" + o.chart +
                         "' (faults, memory, tlb, rss or workingset)"};
    ui::ExportOptions opt;
    opt.format = QString::fromStdString(o.format);
    if (o.size) opt.size = QSize(o.size->first, o.size->second);
    if (o.dpi) opt.dpi = *o.dpi;
    if (o.theme) {
        const auto t = ui::themeFromName(QString::fromStdString(*o.theme));
        if (!t) throw UsageError{"unknown --theme '" + *o.theme + "' (slide, dark or screen)"};
        opt.style.theme = *t;
    }
    opt.style.logY = !o.linear;
    if (o.title) opt.style.title = QString::fromStdString(*o.title);
    if (o.caption) opt.style.caption = QString::fromStdString(*o.caption);

    Scenario scenario = loadScenarioArg(o.scenario);
    SimulatorOptions simOptions;
    simOptions.history = false;  // no stepping back here
    if (o.seed) simOptions.seed = *o.seed;
    Simulator sim(std::move(scenario), simOptions);

    // Qt Charts needs a QApplication even to paint into a file; no display needed.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    static int qtArgc = 1;
    static char qtName[] = "pfviz-cli";
    static char* qtArgv[] = {qtName, nullptr};
    QApplication app(qtArgc, qtArgv);

    ui::ChartData data(*kind);
    const std::uint64_t limit = o.until ? *o.until : sim.totalSteps();
    while (!sim.atEnd() && sim.stepIndex() < limit)
        sim.runUntil(nullptr, limit - sim.stepIndex());
    data.sync(sim.series());
    std::vector<trace::ProcessWorkingSet> workingSets;
    if (*kind == ui::ChartKind::WorkingSet) {
        // Full data (stride 1); the chart decimates for drawing. References after --until are
        // hidden by the chart and left out of the data.
        workingSets =
            trace::workingSets(trace::scenarioReferences(sim.scenario(), sim.seed()), o.tau);
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

    const QString path = QString::fromStdString(o.out);
    QString error;
    bool ok = false;
    if (*kind == ui::ChartKind::WorkingSet && o.format == "csv")
        ok = ui::writeFileAtomically(path, ui::workingSetCsv(workingSets), &error);
    else if (*kind == ui::ChartKind::WorkingSet && o.format == "json")
        ok = ui::writeFileAtomically(path, ui::workingSetJson(sim, workingSets), &error);
    else if (o.format == "csv")
        ok = ui::writeSeriesCsv(sim, path, &error);
    else if (o.format == "json")
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
