#include "CliSupport.h"

#include <charconv>
#include <filesystem>

#include "BuiltinScenarios.h"
#include "pfviz/ScenarioIo.h"

namespace pfviz::cli {

bool Args::flag(const std::string& name) {
    for (std::size_t i = 0; i < m_args.size(); ++i)
        if (!m_used[i] && m_args[i] == name) {
            m_used[i] = true;
            return true;
        }
    return false;
}

std::optional<std::string> Args::value(const std::string& name) {
    for (std::size_t i = 0; i < m_args.size(); ++i) {
        if (m_used[i]) continue;
        if (m_args[i] == name) {
            if (i + 1 >= m_args.size()) throw UsageError{name + " needs a value"};
            m_used[i] = m_used[i + 1] = true;
            return m_args[i + 1];
        }
        if (m_args[i].rfind(name + "=", 0) == 0) {
            m_used[i] = true;
            return m_args[i].substr(name.size() + 1);
        }
    }
    return std::nullopt;
}

std::optional<std::uint64_t> Args::unsignedValue(const std::string& name) {
    const auto v = value(name);
    if (!v) return std::nullopt;
    std::uint64_t out = 0;
    const auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc{} || p != v->data() + v->size())
        throw UsageError{name + " expects an unsigned integer, got '" + *v + "'"};
    return out;
}

std::vector<std::string> Args::positionals() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < m_args.size(); ++i) {
        if (m_used[i]) continue;
        if (m_args[i].size() > 1 && m_args[i][0] == '-')
            throw UsageError{"unknown option '" + m_args[i] + "'"};
        out.push_back(m_args[i]);
    }
    return out;
}

std::vector<std::string> builtinNames() {
    std::vector<std::string> names;
    for (const auto& b : builtinScenarios())
        names.emplace_back(b.name);
    return names;
}

Scenario loadScenarioArg(const std::string& fileOrName) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(fileOrName, ec)) return loadScenarioFile(fileOrName);
    for (const auto& b : builtinScenarios())
        if (b.name == fileOrName) return parseScenario(b.json, std::string(b.name) + ".json");
    std::string names;
    for (const auto& n : builtinNames())
        names += (names.empty() ? "" : ", ") + n;
    throw ScenarioError(
        fileOrName, {1, 1}, "",
        "no such file, and no built-in scenario of that name (built-ins: " + names + ")");
}

}  // namespace pfviz::cli
