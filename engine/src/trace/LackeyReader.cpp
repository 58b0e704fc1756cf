#include "pfviz/trace/LackeyReader.h"

#include "NumberParsing.h"

namespace pfviz::trace {

using detail::isDecimalDigit;
using detail::skipBlanks;

namespace {

// "==1234==", "--1234--", "**1234**" start valgrind's own output lines.
bool isValgrindBanner(std::string_view line) {
    if (line.size() < 5) return false;
    const char c = line[0];
    if ((c != '=' && c != '-' && c != '*') || line[1] != c) return false;
    std::size_t i = 2;
    while (i < line.size() && isDecimalDigit(line[i]))
        ++i;
    return i > 2 && i + 2 <= line.size() && line[i] == c && line[i + 1] == c;
}

}  // namespace

LackeyReader::Parsed LackeyReader::parseLine(std::string_view line) {
    Parsed r;
    const char* p = line.data();
    const char* end = p + line.size();
    skipBlanks(p, end);
    if (p == end) return r;  // blank line
    switch (*p) {
        case 'I':
            r.kind = LineKind::Access;
            r.access = Access::Execute;
            break;
        case 'L':
            r.kind = LineKind::Access;
            r.access = Access::Read;
            break;
        case 'S':
            r.kind = LineKind::Access;
            r.access = Access::Write;
            break;
        case 'M':
            r.kind = LineKind::Modify;
            break;
        default:
            if (isValgrindBanner(line)) return r;
            r.kind = LineKind::Bad;
            r.error = "not a lackey line (expected I, L, S or M, then ADDRESS,SIZE)";
            return r;
    }
    ++p;
    if (p == end || !detail::isBlank(*p)) {
        r.kind = LineKind::Bad;
        r.error = "expected a blank after the access kind";
        return r;
    }
    skipBlanks(p, end);
    if (!detail::parseHex(p, end, r.address)) {
        r.kind = LineKind::Bad;
        r.error = "expected a hexadecimal address (at most 64 bits)";
        return r;
    }
    if (p == end || *p != ',') {
        r.kind = LineKind::Bad;
        r.error = "expected ',' and a size after the address";
        return r;
    }
    ++p;
    std::uint64_t size = 0;
    if (!detail::parseDecimal(p, end, size) || size > kMaxSize) {
        r.kind = LineKind::Bad;
        r.error = "expected a decimal size of at most 1048576 bytes after ','";
        return r;
    }
    skipBlanks(p, end);
    if (p != end) {
        r.kind = LineKind::Bad;
        r.error = "unexpected text after the size";
        return r;
    }
    r.size = size == 0 ? 1 : static_cast<std::uint32_t>(size);
    return r;
}

LackeyReader::LackeyReader(std::istream& in, std::string source) : m_lines(in, std::move(source)) {}

bool LackeyReader::readNext(TraceRecord& record) {
    if (m_storePending) {
        m_storePending = false;
        record = m_pendingStore;
        return true;
    }
    std::string_view line;
    while (m_lines.next(line)) {
        const Parsed parsed = parseLine(line);
        switch (parsed.kind) {
            case LineKind::Skip:
                continue;
            case LineKind::Bad:
                m_lines.fail(parsed.error, line);
            case LineKind::Access:
                record = {parsed.address, parsed.size, parsed.access, false, m_lines.lineNumber()};
                return true;
            case LineKind::Modify:
                record = {parsed.address, parsed.size, Access::Read, false, m_lines.lineNumber()};
                m_pendingStore = record;
                m_pendingStore.access = Access::Write;
                m_storePending = true;
                return true;
        }
    }
    return false;
}

}  // namespace pfviz::trace
