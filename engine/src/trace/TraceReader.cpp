#include "pfviz/trace/TraceReader.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "pfviz/trace/AddressListReader.h"
#include "pfviz/trace/LackeyReader.h"
#include "pfviz/trace/PerfScriptReader.h"
#include "pfviz/trace/RefStringReader.h"
#include "pfviz/trace/TraceError.h"

namespace pfviz::trace {

std::unique_ptr<TraceReader> makeTraceReader(TraceFormat format, std::istream& in,
                                             std::string source) {
    switch (format) {
        case TraceFormat::Refs:
            return std::make_unique<RefStringReader>(in, std::move(source));
        case TraceFormat::Lackey:
            return std::make_unique<LackeyReader>(in, std::move(source));
        case TraceFormat::Perf:
            return std::make_unique<PerfScriptReader>(in, std::move(source));
        case TraceFormat::Addr:
            return std::make_unique<AddressListReader>(in, std::move(source));
    }
    return nullptr;
}

std::unique_ptr<TraceReader> openTraceFile(const std::string& path,
                                           std::optional<TraceFormat> format) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw TraceError(path, 0, "is a directory");
    auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*in) throw TraceError(path, 0, std::string("cannot open: ") + std::strerror(errno));
    if (!format) {
        std::string head(64 * 1024, '\0');
        in->read(head.data(), static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<std::size_t>(in->gcount()));
        // Drop a last line that was cut by the sniffing window.
        if (in->gcount() == static_cast<std::streamsize>(64 * 1024)) {
            const auto lastNewline = head.rfind('\n');
            if (lastNewline == std::string::npos) {
                throw TraceError(path, 0, "no line break in the first 64 KiB: not a text trace");
            }
            head.resize(lastNewline);
        }
        std::string why;
        format = sniffTraceFormat(head, why);
        if (!format) throw TraceError(path, 0, why);
        in->clear();
        in->seekg(0);
        if (!*in) {
            throw TraceError(path, 0,
                             "cannot guess the format of an input that cannot be rewound (a "
                             "pipe?); give the format");
        }
    }
    auto reader = makeTraceReader(*format, *in, path);
    reader->adoptStream(std::move(in));
    return reader;
}

}  // namespace pfviz::trace
