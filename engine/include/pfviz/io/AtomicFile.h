#pragma once
// Writes a file so that readers see either the old file or the complete new one, never a
// partial file: data goes to a temporary file beside the target, which is renamed on commit().
#include <fstream>
#include <string>

namespace pfviz::io {

class AtomicFile {
public:
    /// Opens a temporary file next to `path`. Throws std::runtime_error if it cannot.
    explicit AtomicFile(std::string path);
    /// Removes the temporary file unless commit() succeeded.
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    std::ostream& stream() { return m_out; }
    /// Flushes, closes and renames over the target. Throws std::runtime_error on failure.
    void commit();

    /// Convenience: writes `content` to `path` atomically.
    static void write(const std::string& path, const std::string& content);

private:
    std::string m_path;
    std::string m_tmp;
    std::ofstream m_out;
    bool m_done{false};
};

}  // namespace pfviz::io
