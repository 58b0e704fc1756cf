#include "pfviz/trace/AddressListReader.h"

#include "NumberParsing.h"

namespace pfviz::trace {

AddressListReader::Parsed AddressListReader::parseLine(std::string_view line) {
    Parsed r;
    if (const auto hash = line.find('#'); hash != std::string_view::npos) {
        line = line.substr(0, hash);
    }
    const char* p = line.data();
    const char* end = p + line.size();
    detail::skipBlanks(p, end);
    if (p == end) return r;
    bool ok = false;
    if (end - p > 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        p += 2;
        r.hex = true;
        ok = detail::parseHex(p, end, r.address);
    } else {
        ok = detail::parseDecimal(p, end, r.address);
    }
    if (!ok || (p != end && !detail::isBlank(*p))) {
        r.kind = LineKind::Bad;
        r.error = "expected an address (0x... hex or decimal, at most 64 bits)";
        return r;
    }
    detail::skipBlanks(p, end);
    if (p != end) {
        switch (*p) {
            case 'R':
            case 'r':
                r.access = Access::Read;
                break;
            case 'W':
            case 'w':
                r.access = Access::Write;
                break;
            case 'X':
            case 'x':
                r.access = Access::Execute;
                break;
            default:
                r.kind = LineKind::Bad;
                r.error = "expected R, W or X after the address";
                return r;
        }
        ++p;
        detail::skipBlanks(p, end);
        if (p != end) {
            r.kind = LineKind::Bad;
            r.error = "unexpected text after the address (one address per line)";
            return r;
        }
    }
    r.kind = LineKind::Address;
    return r;
}

AddressListReader::AddressListReader(std::istream& in, std::string source)
    : m_lines(in, std::move(source)) {}

bool AddressListReader::readNext(TraceRecord& record) {
    std::string_view line;
    while (m_lines.next(line)) {
        const Parsed parsed = parseLine(line);
        if (parsed.kind == LineKind::Skip) continue;
        if (parsed.kind == LineKind::Bad) m_lines.fail(parsed.error, line);
        record = {parsed.address, 1, parsed.access, false, m_lines.lineNumber()};
        return true;
    }
    return false;
}

}  // namespace pfviz::trace
