#include "PolicyCommand.h"

#include "CliSupport.h"

#include <algorithm>
#include <bit>
#include <iomanip>
#include <iostream>
#include <memory>
#include <new>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include "pfviz/policy/DenseReferences.h"
#include "pfviz/policy/FaultSweep.h"
#include "pfviz/policy/PolicyFactory.h"
#include "pfviz/policy/PolicyRunner.h"
#include "pfviz/trace/PageReferenceReader.h"
#include "pfviz/trace/TraceError.h"
#include "pfviz/trace/TraceReader.h"
#include "pfviz/trace/WorkingSet.h"

namespace pfviz::cli {
namespace {

using policy::DenseReferences;
using policy::PolicyKind;
using policy::PolicyRun;
using trace::AccessFilter;
using trace::TraceFormat;

// Above this many references, JSON leaves out "sequence" and "victims" unless --full.
constexpr std::uint64_t kSequenceLimit = 100000;
// The plain table shows this many references unless --full ...
constexpr std::size_t kTableRows = 64;
// ... and is drawn only for this many frames or fewer (wider does not fit a terminal).
constexpr std::uint64_t kMaxTableFrames = 32;

constexpr const char* kIntro =
    R"(Runs page-replacement policies on a reference string, as the textbooks count:
memory starts empty, every miss is a page fault (cold misses included), frames
fill in order before anything is evicted, and a new page takes its victim's
frame. INPUT is --refs LIST or --trace FILE (exactly one).)";

constexpr const char* kFooter = R"(Policies (P):
  fifo     first in, first out (shows Belady's anomaly)
  lru      least recently used
  opt      Belady's optimal: evicts the page used farthest in the future;
           among pages never used again, the least recently used
  clock    second chance: one use bit per frame and a hand; a loaded page has
           its bit set
  lfu      least frequently used (count since the page was loaded); ties: the
           least recently used
  mru      most recently used
  random   a frame chosen by a seeded xoshiro256** generator (same result on
           every platform)
  linux    Linux's active/inactive lists (rules L1-L4 of linux-vm-semantics.md
           section 8)

Plain output is the paper table: one row per reference with the frames after it
('*' marks the page just loaded, '.' an empty frame), H for a hit, M for a miss
(a page fault) and the page evicted, then a summary line. It is drawn for up to
32 frames.

JSON output (--json):
  single policy: {"policy": "fifo", "frames": 3, "references": 20, "hits": 5,
                  "misses": 15, "sequence": "MMMMHM...",
                  "victims": [null, null, null, 7, null, 0, ...],
                  "final_memory": [7, 0, 1]}
      sequence has one H or M per reference; victims[i] is the page evicted by
      reference i (or null); final_memory lists the pages in frame 0, 1, ...
      at the end.
  --sweep:       [{"frames": 1, "misses": 12, "hits": 0}, ...]
  --compare:     [{one object per policy, without sequence/victims unless
                  --full}, ...]
  --working-set: [{"reference": 1, "working_set": 1}, ...]

Exit status: 0 success; 2 bad usage or bad input (the message names the
problem; for a trace, the file, the line number and the line), also for an
input too large for memory.

Examples:
  pfviz-cli policy --policy fifo --frames 3 --refs 7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1
  pfviz-cli policy --policy fifo --sweep 1..6 --refs 1,2,3,4,1,2,5,1,2,3,4,5
  pfviz-cli policy --compare fifo,lru,opt,clock --frames 64 --trace prog.lackey --data-only
  pfviz-cli policy --working-set 10000 --ws-step 1000 --trace prog.lackey)";

class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

PolicyKind parsePolicy(std::string_view name, std::string_view option) {
    if (const auto kind = policy::parsePolicyKind(name)) return *kind;
    throw UsageError{std::string(option) + ": unknown policy '" + std::string(name) +
                     "' (fifo, lru, opt, clock, lfu, mru, random, linux)"};
}

AccessFilter filterOf(const PolicyOptions& o) {
    if (o.dataOnly) return AccessFilter::DataOnly;
    if (o.instrOnly) return AccessFilter::InstructionOnly;
    return AccessFilter::All;
}

// How the options combine; each one was checked on its own while parsing.
void validate(const PolicyOptions& o) {
    if (o.refs.has_value() == o.trace.has_value()) {
        throw UsageError{"give exactly one input: --refs LIST or --trace FILE"};
    }
    if (o.format && !o.trace) throw UsageError{"--format applies to --trace only"};
    if (o.dataOnly && o.instrOnly) {
        throw UsageError{"--data-only and --instr-only exclude each other"};
    }
    if (o.wsStep && !o.workingSet) throw UsageError{"--ws-step needs --working-set"};
    if (o.workingSet) {
        if (o.policy || !o.compare.empty() || o.sweep || o.frames) {
            throw UsageError{
                "--working-set does not use a policy: drop --policy/--compare/--sweep/--frames"};
        }
        return;
    }
    if (!o.compare.empty()) {
        if (o.policy) throw UsageError{"use either --policy or --compare, not both"};
        if (o.sweep) throw UsageError{"--sweep takes one --policy, not --compare"};
        if (!o.frames) throw UsageError{"--compare needs --frames N"};
        return;
    }
    if (!o.policy) throw UsageError{"--policy is required (or --compare, or --working-set)"};
    if (o.sweep) {
        if (o.frames) throw UsageError{"--sweep replaces --frames: give one or the other"};
        return;
    }
    if (!o.frames) throw UsageError{"--frames N is required"};
}

// Reads the input named by the options and remaps it to dense ids.
DenseReferences loadReferences(const PolicyOptions& o, std::ostream& err) {
    std::istringstream refsText;
    std::unique_ptr<trace::TraceReader> reader;
    std::string source;
    if (o.refs) {
        refsText.str(*o.refs + '\n');  // a complete line, never a "truncated" one
        source = "--refs";
        reader = trace::makeTraceReader(TraceFormat::Refs, refsText, source);
    } else {
        source = *o.trace;
        reader = trace::openTraceFile(source, o.format);
    }
    const TraceFormat format = reader->format();
    const AccessFilter filter = filterOf(o);
    if (filter != AccessFilter::All &&
        (format == TraceFormat::Refs || format == TraceFormat::Perf)) {
        throw UsageError{"--data-only/--instr-only apply to lackey and addr traces; " + source +
                         " is a " + std::string(trace::formatName(format)) +
                         " trace, which has no access kinds"};
    }
    if (o.pageSize && format == TraceFormat::Refs) {
        err << "pfviz-cli policy: note: --page-size does not apply to page numbers (" << source
            << ")\n";
    }
    reader->setFilter(filter);
    const unsigned pageBits =
        static_cast<unsigned>(std::countr_zero(o.pageSize.value_or(std::uint64_t{4096})));
    const std::uint64_t limit = o.limit.value_or(policy::kMaxReferences);
    auto loaded = trace::readPageReferences(*reader, pageBits, limit);
    if (loaded.truncated) {
        if (!o.limit) {
            throw InputError(source +
                             " has more than 2^27 (134217728) references; use --limit N "
                             "to analyse the first N");
        }
        err << "pfviz-cli policy: note: using the first " << limit << " references of " << source
            << "\n";
    }
    if (loaded.pages.empty()) {
        throw InputError("no page references in " + source +
                         (filter != AccessFilter::All ? " (after --data-only/--instr-only)" : ""));
    }
    return DenseReferences(loaded.pages);
}

// ---- JSON output, written directly: the arrays can hold millions of numbers.

void writeRunJson(std::ostream& out, const PolicyRun& run, bool withSequence) {
    out << "{\"policy\":\"" << policy::policyName(run.policy) << "\",\"frames\":" << run.frames
        << ",\"references\":" << run.references << ",\"hits\":" << run.hits
        << ",\"misses\":" << run.misses;
    if (withSequence) {
        out << ",\"sequence\":\"" << run.sequence << "\",\"victims\":[";
        for (std::size_t i = 0; i < run.victims.size(); ++i) {
            if (i > 0) out << ',';
            if (run.victims[i])
                out << *run.victims[i];
            else
                out << "null";
        }
        out << ']';
    }
    out << ",\"final_memory\":[";
    for (std::size_t i = 0; i < run.finalMemory.size(); ++i) {
        if (i > 0) out << ',';
        out << run.finalMemory[i];
    }
    out << "]}";
}

std::string percent(std::uint64_t part, std::uint64_t whole) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(1) << (whole == 0 ? 0.0 : 100.0 * part / whole) << '%';
    return s.str();
}

std::string summaryLine(const PolicyRun& run) {
    return std::string(policy::policyName(run.policy)) + " with " + std::to_string(run.frames) +
           (run.frames == 1 ? " frame: " : " frames: ") + std::to_string(run.misses) +
           " page faults, " + std::to_string(run.hits) + " hits in " +
           std::to_string(run.references) + " references (fault rate " +
           percent(run.misses, run.references) + ")";
}

// The paper table: frames are rebuilt from the victims with the runner's rule (fill in order,
// a new page takes its victim's frame).
void writeTable(std::ostream& out, const PolicyRun& run, const DenseReferences& refs,
                std::size_t rows) {
    const auto frames = static_cast<std::size_t>(run.frames);
    std::uint64_t widest = 0;
    for (std::size_t t = 0; t < rows; ++t)
        widest = std::max(widest, refs.pageOf(refs.idAt(t)));
    const int cell = std::max<int>(2, static_cast<int>(std::to_string(widest).size()));
    const int indexWidth = std::max<int>(3, static_cast<int>(std::to_string(rows).size()));
    const int pageWidth = std::max(cell, 4);

    out << std::setw(indexWidth) << "t"
        << "  " << std::setw(pageWidth) << "page"
        << " |";
    for (std::size_t f = 0; f < frames; ++f) {
        // append, not "f" + to_string: GCC 12 at -O3 warns falsely (-Wrestrict, PR 105329).
        out << ' ' << std::setw(cell) << std::string("f").append(std::to_string(f)) << ' ';
    }
    out << " |\n";

    std::vector<std::optional<std::uint64_t>> mem(frames);
    std::size_t used = 0;
    for (std::size_t t = 0; t < rows; ++t) {
        const std::uint64_t page = refs.pageOf(refs.idAt(t));
        std::optional<std::size_t> loadedInto;
        if (run.sequence[t] == 'M') {
            if (run.victims[t]) {
                const auto it = std::find(mem.begin(), mem.end(), run.victims[t]);
                loadedInto = static_cast<std::size_t>(it - mem.begin());
            } else {
                loadedInto = used++;
            }
            mem[*loadedInto] = page;
        }
        out << std::setw(indexWidth) << t + 1 << "  " << std::setw(pageWidth) << page << " |";
        for (std::size_t f = 0; f < frames; ++f) {
            out << ' ' << std::setw(cell);
            if (mem[f])
                out << *mem[f];
            else
                out << '.';
            out << (loadedInto == f ? '*' : ' ');
        }
        out << " | " << run.sequence[t];
        if (run.victims[t]) out << "  evicts " << *run.victims[t];
        out << '\n';
    }
}

void runSingle(const PolicyOptions& o, const DenseReferences& refs, std::ostream& out) {
    const auto policy = policy::makePolicy(*o.policy, o.seed);
    const std::uint64_t n = refs.size();
    policy::RunOptions options;
    bool tableDrawn = false;
    std::size_t rows = 0;
    if (o.json) {
        options.recordSequence = o.full || n <= kSequenceLimit;
    } else {
        tableDrawn = *o.frames <= kMaxTableFrames;
        rows = o.full ? static_cast<std::size_t>(n)
                      : static_cast<std::size_t>(std::min<std::uint64_t>(n, kTableRows));
        options.recordSequence = tableDrawn;
        options.recordLimit = rows;
    }
    const PolicyRun run = policy::runPolicy(*policy, refs, *o.frames, options);
    if (o.json) {
        writeRunJson(out, run, options.recordSequence);
        out << '\n';
        return;
    }
    if (tableDrawn) {
        out << policy::policyName(run.policy) << ", " << run.frames
            << (run.frames == 1 ? " frame, " : " frames, ") << n
            << " references (H = hit, M = miss = page fault, * = page just loaded)\n\n";
        writeTable(out, run, refs, rows);
        if (rows < n) {
            out << "... the table shows the first " << rows << " of " << n
                << " references (--full prints all)\n";
        }
        out << '\n';
    } else {
        out << "(no table: it is drawn for at most " << kMaxTableFrames << " frames)\n";
    }
    out << summaryLine(run) << '\n';
}

void runCompare(const PolicyOptions& o, const DenseReferences& refs, std::ostream& out) {
    std::vector<PolicyRun> runs;
    for (PolicyKind kind : o.compare) {
        const auto policy = policy::makePolicy(kind, o.seed);
        runs.push_back(policy::runPolicy(*policy, refs, *o.frames, {o.json && o.full}));
    }
    if (o.json) {
        out << '[';
        for (std::size_t i = 0; i < runs.size(); ++i) {
            if (i > 0) out << ',';
            writeRunJson(out, runs[i], o.full);
        }
        out << "]\n";
        return;
    }
    out << refs.size() << " references, " << *o.frames << (*o.frames == 1 ? " frame" : " frames")
        << "\n\n"
        << std::left << std::setw(8) << "policy" << std::right << std::setw(12) << "faults"
        << std::setw(12) << "hits" << std::setw(12) << "fault rate" << '\n';
    for (const auto& run : runs) {
        out << std::left << std::setw(8) << policy::policyName(run.policy) << std::right
            << std::setw(12) << run.misses << std::setw(12) << run.hits << std::setw(12)
            << percent(run.misses, run.references) << '\n';
    }
}

void runSweep(const PolicyOptions& o, const DenseReferences& refs, std::ostream& out) {
    const auto [from, to] = *o.sweep;
    const std::uint64_t work = policy::sweepWork(*o.policy, refs, from, to);
    if (work > policy::kMaxSweepWork) {
        throw InputError("this sweep would simulate " + std::to_string(work) +
                         " references (more than 2^30); narrow the range or use --limit");
    }
    const auto points = policy::sweepFrames(*o.policy, refs, from, to, o.seed);
    if (o.json) {
        out << '[';
        for (std::size_t i = 0; i < points.size(); ++i) {
            out << (i > 0 ? "," : "") << "{\"frames\":" << points[i].frames
                << ",\"misses\":" << points[i].misses << ",\"hits\":" << points[i].hits << '}';
        }
        out << "]\n";
        return;
    }
    out << policy::policyName(*o.policy) << ", " << refs.size() << " references: page faults for "
        << from << ".." << to << " frames\n"
        << std::setw(8) << "frames" << std::setw(12) << "faults" << std::setw(12) << "hits" << '\n';
    std::size_t anomalies = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        out << std::setw(8) << points[i].frames << std::setw(12) << points[i].misses
            << std::setw(12) << points[i].hits;
        if (i > 0 && points[i].misses > points[i - 1].misses) {
            out << "   Belady's anomaly: more faults than with " << points[i - 1].frames
                << " frames";
            ++anomalies;
        }
        out << '\n';
    }
    if (anomalies == 0 && points.size() > 1) {
        out << "(faults never increase with more frames here)\n";
    }
}

void runWorkingSet(const PolicyOptions& o, const DenseReferences& refs, std::ostream& out) {
    const auto series = trace::workingSetSeries(refs, *o.workingSet, o.wsStep.value_or(1));
    if (o.json) {
        out << '[';
        for (std::size_t i = 0; i < series.size(); ++i) {
            out << (i > 0 ? "," : "") << "{\"reference\":" << series[i].reference
                << ",\"working_set\":" << series[i].size << '}';
        }
        out << "]\n";
        return;
    }
    out << "reference,working_set\n";
    for (const auto& point : series)
        out << point.reference << ',' << point.size << '\n';
}

}  // namespace

CLI::App* declarePolicy(CommandLine& cli, PolicyOptions& o) {
    CLI::App* cmd = cli.addCommand(
        "policy", "replacement-policy lab: FIFO, LRU, OPT, ... on reference strings and traces",
        {.intro = kIntro,
         .footer = kFooter,
         .usage = {"--policy P --frames N INPUT [OPTIONS]",
                   "--policy P --sweep A..B INPUT [OPTIONS]",
                   "--compare P1,P2,... --frames N INPUT [OPTIONS]",
                   "--working-set TAU INPUT [OPTIONS]"},
         .arguments = "policy takes no positional arguments: give the input with --refs LIST or "
                      "--trace FILE"});
    addValueOption(*cmd, "--policy", "P", "the policy (see Policies below)",
                   [&o](const std::string& name) { o.policy = parsePolicy(name, "--policy"); });
    addUnsignedOption(*cmd, "--frames", "N", "number of frames, 1 to 2^26", [&o](std::uint64_t n) {
        if (n < 1 || n > policy::kMaxLabFrames)
            throw UsageError{"--frames: must be from 1 to 2^26, got " + std::to_string(n)};
        o.frames = n;
    });
    addValueOption(*cmd, "--sweep", "A..B",
                   "faults for every frame count from A to B (at most 4096 counts); points with "
                   "more faults than the previous one are flagged as Belady's anomaly",
                   [&o](const std::string& range) {
                       const auto dots = range.find("..");
                       if (dots == std::string::npos)
                           throw UsageError{"--sweep: expected a range A..B, got '" + range + "'"};
                       const std::string_view text = range;
                       const std::uint64_t from = parseUnsigned(text.substr(0, dots), "--sweep");
                       const std::uint64_t to = parseUnsigned(text.substr(dots + 2), "--sweep");
                       if (from < 1 || from > to || to > policy::kMaxLabFrames)
                           throw UsageError{"--sweep: need 1 <= A <= B <= 2^26, got " + range};
                       if (to - from + 1 > policy::kMaxSweepPoints)
                           throw UsageError{"--sweep: at most 4096 frame counts at once, got " +
                                            std::to_string(to - from + 1)};
                       o.sweep = std::pair{from, to};
                   });
    addValueOption(*cmd, "--compare", "P1,P2,...",
                   "several policies on the same input, side by side",
                   [&o](const std::string& list) {
                       std::string_view rest = list;
                       while (true) {
                           const auto comma = rest.find(',');
                           o.compare.push_back(parsePolicy(rest.substr(0, comma), "--compare"));
                           if (comma == std::string_view::npos) break;
                           rest.remove_prefix(comma + 1);
                       }
                   });
    addUnsignedOption(*cmd, "--working-set", "TAU",
                      "Denning's working set W(t, TAU): distinct pages among the last TAU "
                      "references, for t = 1, 2, ... (CSV \"reference,working_set\")",
                      [&o](std::uint64_t tau) {
                          if (tau < 1) throw UsageError{"--working-set: TAU must be at least 1"};
                          o.workingSet = tau;
                      });
    addUnsignedOption(*cmd, "--ws-step", "K",
                      "with --working-set: print every K-th reference only (default 1)",
                      [&o](std::uint64_t k) {
                          if (k < 1) throw UsageError{"--ws-step: must be at least 1"};
                          o.wsStep = k;
                      });
    addUnsignedOption(*cmd, "--seed", "S", "seed of the random policy (default 1)",
                      [&o](std::uint64_t seed) { o.seed = seed; });
    addFlag(*cmd, "--json", o.json, "print one JSON value instead of the table");
    addFlag(*cmd, "--full", o.full,
            "print everything: the whole table (plain output shows the first 64 references), "
            "and \"sequence\"/\"victims\" in JSON for inputs of more than 100000 references "
            "and with --compare");

    const std::string input = "Input";
    addStringOption(*cmd, "--refs", "LIST", o.refs,
                    "page numbers, e.g. --refs 7,0,1,2,0,3 (commas and/or blanks)")
        ->group(input);
    addStringOption(*cmd, "--trace", "FILE", o.trace,
                    "a trace file; its format is guessed unless --format is given")
        ->group(input);
    addValueOption(*cmd, "--format", "F",
                   "the trace's format:\n"
                   "refs    page numbers separated by commas, blanks or\n"
                   "        newlines; '#' comments\n"
                   "lackey  valgrind --tool=lackey --trace-mem=yes output\n"
                   "        (I/L/S/M lines; M = a load and a store; an\n"
                   "        access crossing a page boundary touches every\n"
                   "        page it covers; ==PID== lines are skipped)\n"
                   "perf    perf script output of: perf record -e\n"
                   "        page-faults -d (the address after the event\n"
                   "        name; call chains are skipped)\n"
                   "addr    one address per line, 0x... hex or decimal,\n"
                   "        optionally R, W or X",
                   [&o](const std::string& name) {
                       o.format = trace::parseTraceFormat(name);
                       if (!o.format)
                           throw UsageError{"--format: unknown format '" + name +
                                            "' (refs, lackey, perf, addr)"};
                   })
        ->group(input);
    addUnsignedOption(
        *cmd, "--page-size", "BYTES",
        "page size for address traces: a power of two from 1 to 2^30 (default "
        "4096); page-number inputs ignore it",
        [&o](std::uint64_t bytes) {
            if (bytes == 0 || !std::has_single_bit(bytes) ||
                bytes > (std::uint64_t{1} << trace::kMaxPageBits))
                throw UsageError{"--page-size: must be a power of two from 1 to 2^30, got " +
                                 std::to_string(bytes)};
            o.pageSize = bytes;
        })
        ->group(input);
    addFlag(*cmd, "--data-only", o.dataOnly, "lackey/addr traces: loads and stores only")
        ->group(input);
    addFlag(*cmd, "--instr-only", o.instrOnly, "lackey/addr traces: instruction fetches only")
        ->group(input);
    addUnsignedOption(*cmd, "--limit", "N",
                      "use only the first N references (traces longer than 2^27 references "
                      "need it)",
                      [&o](std::uint64_t n) {
                          if (n == 0 || n > policy::kMaxReferences)
                              throw UsageError{"--limit: must be from 1 to 2^27"};
                          o.limit = n;
                      })
        ->group(input);
    return cmd;
}

int runPolicyCommand(const PolicyOptions& o, std::ostream& out, std::ostream& err) {
    try {
        validate(o);
        const DenseReferences refs = loadReferences(o, err);
        if (o.workingSet)
            runWorkingSet(o, refs, out);
        else if (!o.compare.empty())
            runCompare(o, refs, out);
        else if (o.sweep)
            runSweep(o, refs, out);
        else
            runSingle(o, refs, out);
        out.flush();
        return kExitOk;
    } catch (const UsageError& e) {
        printUsageError(err, "policy", e.message);
        return kExitBadInput;
    } catch (const trace::TraceError& e) {
        err << "pfviz-cli policy: " << e.what() << '\n';
        return kExitBadInput;
    } catch (const InputError& e) {
        err << "pfviz-cli policy: " << e.what() << '\n';
        return kExitBadInput;
    } catch (const std::bad_alloc&) {
        err << "pfviz-cli policy: out of memory: the input is too large (try --limit N)\n";
        return kExitBadInput;
    } catch (const std::exception& e) {
        err << "pfviz-cli policy: " << e.what() << '\n';
        return kExitBadInput;
    }
}

int runPolicyCommand(const PolicyOptions& o) {
    return runPolicyCommand(o, std::cout, std::cerr);
}

}  // namespace pfviz::cli
