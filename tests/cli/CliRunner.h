#pragma once
// Runs pfviz-cli as a child process and captures its exit code, stdout and stderr.
#include <sys/wait.h>
#include <unistd.h>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace pfviz::test {

struct CliResult {
    int code{-1};
    std::string out;
    std::string err;
};

inline std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Runs `PFVIZ_CLI args` through the shell (args must be shell-safe).
inline CliResult runCli(const std::string& args) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("pfviz-cli-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto out = dir / "out.txt";
    const auto err = dir / "err.txt";
    const std::string cmd = std::string(PFVIZ_CLI) + " " + args + " >" + out.string() + " 2>" +
                            err.string() + " </dev/null";
    const int status = std::system(cmd.c_str());
    CliResult r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = readFile(out);
    r.err = readFile(err);
    return r;
}

}  // namespace pfviz::test
