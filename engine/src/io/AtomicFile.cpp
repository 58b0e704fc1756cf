#include "pfviz/io/AtomicFile.h"

#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace pfviz::io {

AtomicFile::AtomicFile(std::string path) : m_path(std::move(path)) {
    m_tmp = m_path + ".tmp-" + std::to_string(::getpid());
    m_out.open(m_tmp, std::ios::binary | std::ios::trunc);
    if (!m_out) throw std::runtime_error("cannot write " + m_path + ": " + std::strerror(errno));
}

AtomicFile::~AtomicFile() {
    if (!m_done) {
        m_out.close();
        std::remove(m_tmp.c_str());
    }
}

void AtomicFile::commit() {
    m_out.flush();
    const bool ok = static_cast<bool>(m_out);
    m_out.close();
    if (!ok || m_out.fail()) {
        std::remove(m_tmp.c_str());
        m_done = true;
        throw std::runtime_error("cannot write " + m_path + " (disk full?)");
    }
    if (std::rename(m_tmp.c_str(), m_path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        std::remove(m_tmp.c_str());
        m_done = true;
        throw std::runtime_error("cannot replace " + m_path + ": " + why);
    }
    m_done = true;
}

void AtomicFile::write(const std::string& path, const std::string& content) {
    AtomicFile f(path);
    f.stream().write(content.data(), static_cast<std::streamsize>(content.size()));
    f.commit();
}

}  // namespace pfviz::io
