#pragma once
// The streaming interface of every trace importer: one record per call, read through a bounded
// buffer, so a trace of any size can be replayed (scenarios) or reduced to page numbers (the
// policy lab) without holding the raw text in memory.
#include <cstddef>
#include <istream>
#include <memory>
#include <optional>
#include <string>

#include "pfviz/trace/TraceFormat.h"
#include "pfviz/trace/TraceRecord.h"

namespace pfviz::trace {

class TraceReader {
public:
    virtual ~TraceReader() = default;

    /// The next record that passes the filter; false at the end of the trace. Throws TraceError
    /// (naming the source, the line and its text) on input that does not parse.
    bool next(TraceRecord& record) {
        while (readNext(record)) {
            if (passes(m_filter, record.access)) return true;
        }
        return false;
    }

    /// Up to `max` records that pass the filter, into `out`; returns how many, 0 at the end of
    /// the trace. The same records as next() would give, with one virtual call per batch.
    std::size_t nextBatch(TraceRecord* out, std::size_t max) {
        std::size_t kept = 0;
        while (kept == 0) {
            const std::size_t got = readBatch(out, max);
            if (got == 0) return 0;
            if (m_filter == AccessFilter::All) return got;
            for (std::size_t i = 0; i < got; ++i) {
                if (passes(m_filter, out[i].access)) out[kept++] = out[i];
            }
        }
        return kept;
    }

    void setFilter(AccessFilter filter) { m_filter = filter; }
    AccessFilter filter() const { return m_filter; }
    virtual TraceFormat format() const = 0;

    /// Makes the reader own the stream it reads (used by openTraceFile()).
    void adoptStream(std::unique_ptr<std::istream> stream) { m_ownedStream = std::move(stream); }

protected:
    /// The next record of the trace, unfiltered.
    virtual bool readNext(TraceRecord& record) = 0;
    /// Up to `max` unfiltered records; 0 at the end. Readers override it with the same loop so
    /// that their (final) readNext() is inlined.
    virtual std::size_t readBatch(TraceRecord* out, std::size_t max) {
        std::size_t n = 0;
        while (n < max && readNext(out[n]))
            ++n;
        return n;
    }

private:
    // Declared first so it is destroyed last, after the derived reader that reads from it.
    std::unique_ptr<std::istream> m_ownedStream;
    AccessFilter m_filter{AccessFilter::All};
};

/// A reader of `format` over `in`, which must outlive it; `source` names it in error messages.
std::unique_ptr<TraceReader> makeTraceReader(TraceFormat format, std::istream& in,
                                             std::string source);

/// Opens `path`; with no format given, sniffs it from the first 64 KiB (sniffTraceFormat()).
/// Throws TraceError if the file cannot be opened or its format cannot be told.
std::unique_ptr<TraceReader> openTraceFile(const std::string& path,
                                           std::optional<TraceFormat> format = std::nullopt);

}  // namespace pfviz::trace
