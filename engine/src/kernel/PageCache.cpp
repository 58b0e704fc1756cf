// File-backed pages and the page cache (§5 P1-P7), file LRU reclaim (§8 L2/L3).
// Kernel member functions; Kernel.cpp calls in from the fault handler, unmap and reclaim.
#include <algorithm>

#include "pfviz/Kernel.h"

namespace pfviz {

namespace {
constexpr std::uint64_t kEinval = 22;
constexpr std::uint64_t kEacces = 13;
constexpr std::uint64_t kFaultAroundPages = 16;  // fault_around_bytes = 64 KiB (P3)
}  // namespace

// ---------------------------------------------------------------------------------------------
// System calls

std::optional<VirtAddr> Kernel::mmapFile(Pid pid, std::uint64_t length,
                                         std::optional<VirtAddr> hint, Prot prot, bool shared,
                                         const std::string& file, std::uint64_t fileOffset,
                                         bool populateNow, const std::string& name) {
    const std::uint64_t ps = m_m.geometry().pageSize();
    const std::uint32_t id = m_m.fileIndex(file);
    if (id == kNoFile || fileOffset % ps != 0) {
        ensureCurrent(pid);
        Event& e = post(EventKind::SyscallFailed, pid, m_m.config.costs.syscall);
        e.count = id == kNoFile ? kEacces : kEinval;
        return std::nullopt;
    }
    // The VMA is reserved like an anonymous one (A1: nothing is read or mapped yet), then
    // becomes a file VMA. Mapping past the end of the file is allowed; touching it is P7.
    const auto start = mmap(pid, length, hint, prot, false, name);
    if (!start) return start;
    Vma* v = m_m.process(pid)->findVma(*start);
    v->kind = VmaKind::File;
    v->file = file;
    v->fileOffset = fileOffset;
    v->shared = shared;
    if (populateNow) populate(pid, *start, length);
    return start;
}

void Kernel::madviseRandom(Pid pid, VirtAddr start, std::uint64_t length) {
    ensureCurrent(pid);
    Process& p = *m_m.process(pid);
    const std::uint64_t ps = m_m.geometry().pageSize();
    const VirtAddr end = start + (length + ps - 1) / ps * ps;
    splitAt(p, start);
    splitAt(p, end);
    for (Vma& v : p.vmas)
        if (v.start >= start && v.end <= end) v.randomAccess = true;
    Event& e = post(EventKind::MadviseRandom, pid, m_m.config.costs.syscall);
    e.va = start;
    e.count = (end - start) / ps;
}

void Kernel::readFile(Pid pid, const std::string& file, std::uint64_t offset,
                      std::uint64_t length) {
    ensureCurrent(pid);
    const std::uint64_t ps = m_m.geometry().pageSize();
    const std::uint32_t id = m_m.fileIndex(file);
    const CostModel& c = m_m.config.costs;
    const std::uint64_t size = id == kNoFile ? 0 : m_m.config.files[id].size;
    // read() stops at the end of the file.
    const std::uint64_t end = std::min(size, offset + length);
    const std::uint64_t window = std::max<std::uint64_t>(1, m_m.config.readAheadKb * 1024 / ps);
    std::uint64_t copied = 0;
    std::uint64_t misses = 0;
    std::uint64_t ioCost = 0;
    for (std::uint64_t idx = offset / ps; offset < end && idx * ps < end; ++idx) {
        Process& p = *m_m.process(pid);
        if (!p.running()) break;
        bool major = false;
        const Pfn f = filePage(p, id, idx, window, major, 0, Access::Read);
        if (!f.valid()) break;
        if (major) {
            ++misses;
            ioCost += c.fileRead;
        }
        // L2: folio_mark_accessed on every copy: the second access activates an inactive page.
        Frame& fr = m_m.memory.frame(f);
        if (fr.referenced && fr.lru == Lru::InactiveFile) {
            m_m.memory.lruDel(f);
            fr.referenced = false;
            m_m.memory.lruAdd(f, Lru::ActiveFile);
        } else if (fr.lru == Lru::InactiveFile) {
            fr.referenced = true;
        }
        ++copied;
    }
    // The page-cache fills inside carry no time of their own: the read() call is charged once
    // (reclaim it needed was charged already). P4: the process takes no fault.
    Process& p = *m_m.process(pid);
    Event& e = post(EventKind::FileRead, pid, c.syscall + ioCost + copied * c.fileCopyPage);
    e.count = copied;
    e.index = static_cast<std::uint32_t>(misses);
    e.va = offset;
    if (!p.running()) {
        Event& k = post(EventKind::ProcessKilled, pid);
        k.code = p.exitSignal;
    }
}

void Kernel::msync(Pid pid, VirtAddr start, std::uint64_t length) {
    ensureCurrent(pid);
    Process& p = *m_m.process(pid);
    const std::uint64_t ps = m_m.geometry().pageSize();
    const VirtAddr end = start + (length + ps - 1) / ps * ps;
    std::uint64_t written = 0;
    // The dirty pages of the file range behind the mapping, whoever dirtied them.
    std::vector<Pfn> dirty;
    for (const Vma& v : p.vmas) {
        if (v.kind != VmaKind::File || !v.shared || v.end <= start || v.start >= end) continue;
        const std::uint32_t id = m_m.fileIndex(v.file);
        const VirtAddr lo = std::max(v.start, start);
        const VirtAddr hi = std::min(v.end, end);
        for (VirtAddr va = lo; va < hi; va += ps) {
            const std::uint64_t idx = (va - v.start + v.fileOffset) / ps;
            if (idx >= m_m.pageCache[id].size()) break;
            const std::uint32_t f = m_m.pageCache[id][idx];
            if (f != kNoFrame && m_m.memory.frame(Pfn{f}).dirty) dirty.push_back(Pfn{f});
        }
    }
    for (const Pfn f : dirty) {
        writebackPage(f);
        ++written;
    }
    const CostModel& c = m_m.config.costs;
    Event& e = post(EventKind::Msync, pid, c.syscall + written * (c.writebackPage + c.fileRead));
    e.va = start;
    e.count = written;
}

// ---------------------------------------------------------------------------------------------
// Faults

Pfn Kernel::filePage(Process& p, std::uint32_t file, std::uint64_t index, std::uint64_t window,
                     bool& major, VirtAddr va, Access a) {
    major = false;
    std::vector<std::uint32_t>& cache = m_m.pageCache[file];
    if (cache[index] != kNoFrame) {
        ++m_m.counters.pageCacheHits;
        return Pfn{cache[index]};
    }
    // P1: not cached: a read I/O, synchronous readahead of the window (P2).
    major = true;
    ++m_m.counters.pageCacheMisses;
    const Pid pid = p.pid;
    const Pfn f = allocFrame(p, FrameUse::PageCache, Vpn{index}, 0);
    if (!f.valid()) return f;
    {
        Frame& fr = m_m.memory.frame(f);
        fr.owner = Pid{};
        fr.file = file;
        cache[index] = static_cast<std::uint32_t>(f.value);
    }
    // Readahead pages do not reclaim for themselves: they only use memory above the low
    // watermark (__GFP_NORETRY), so the window shrinks under pressure.
    std::uint64_t n = 1;
    const std::uint64_t last = std::min<std::uint64_t>(cache.size(), index + window);
    for (std::uint64_t i = index + 1; i < last; ++i) {
        if (cache[i] != kNoFrame) break;
        if (m_m.memory.freeCount() <= m_m.watermarks.low) break;
        // ... nor beyond the memcg's limit (W7): readahead is charged to the reading task.
        const Process& rp = *m_m.process(pid);
        if (rp.memcg != 0 &&
            m_m.memory.charged(rp.memcg) >= m_m.config.cgroups[rp.memcg - 1u].maxPages)
            break;
        const Pfn r = m_m.memory.allocate(FrameUse::PageCache, Pid{}, Vpn{i});
        chargeFrame(rp, r);
        ++m_m.counters.framesAllocated;
        m_m.memory.lruAdd(r, Lru::InactiveFile);
        m_m.memory.frame(r).file = file;
        cache[i] = static_cast<std::uint32_t>(r.value);
        ++n;
    }
    m_m.counters.readaheadPages += n - 1;
    Event& e = post(EventKind::PageCacheRead, pid);
    e.frame = f;
    e.va = va;
    e.access = a;
    e.index = static_cast<std::uint32_t>(index);
    e.count = n;
    return f;
}

void Kernel::faultAround(Process& p, const Vma& v, VirtAddr va, const Slot& slot) {
    // P3 (do_fault_around): a 16-page window aligned in the address space, clipped to the VMA,
    // to the PTE page, and (filemap_map_pages) to the end of the file. Only pages that are
    // already cached are mapped, read-only; the faulting page is handled by the caller.
    const Geometry& g = m_m.geometry();
    const std::uint64_t ps = g.pageSize();
    const std::uint64_t ptes = g.entriesAt(g.levels() - 1);
    const std::uint64_t span = ptes * ps;
    const VirtAddr ptePage = va / span * span;
    const std::uint64_t winBytes = kFaultAroundPages * ps;
    const VirtAddr lo = std::max({va / winBytes * winBytes, v.start, ptePage});
    VirtAddr hi = std::min({va / winBytes * winBytes + winBytes, v.end, ptePage + span});
    const std::uint32_t id = m_m.fileIndex(v.file);
    const std::vector<std::uint32_t>& cache = m_m.pageCache[id];
    const std::uint16_t execFlag = v.prot.exec ? pte::Exec : 0;
    std::uint64_t mapped = 0;
    for (VirtAddr a = lo; a < hi; a += ps) {
        if (a == va) continue;
        const std::uint64_t idx = (a - v.start + v.fileOffset) / ps;
        if (idx >= cache.size()) break;
        if (cache[idx] == kNoFrame) continue;
        PtNode& node = m_m.tables.node(slot.node);
        Pte& e = node.entries[g.indexAt(a, g.levels() - 1)];
        if (!e.empty()) continue;
        // x86 maps prefaulted pages young (arch_wants_old_prefaulted_pte() is false).
        e.target = cache[idx];
        e.flags = pte::Present | pte::Accessed | execFlag;
        node.used += 1;
        m_m.memory.frame(Pfn{cache[idx]}).mapcount += 1;
        p.counters.rssPages += 1;
        p.counters.rssFilePages += 1;
        ++mapped;
    }
    if (mapped > 0) {
        Event& e = post(EventKind::FaultAround, p.pid);
        e.va = lo;
        e.count = mapped;
    }
}

Kernel::FaultResult Kernel::fileFault(Process& p, VirtAddr va, Access a, const Slot& slot) {
    const CostModel& cost = m_m.config.costs;
    const Pid pid = p.pid;
    const std::uint64_t ps = m_m.geometry().pageSize();
    const Vma v = *p.findVma(va);
    const std::uint32_t id = m_m.fileIndex(v.file);
    const std::uint64_t index = (va - v.start + v.fileOffset) / ps;
    if (index >= m_m.pageCache[id].size()) {
        // P7 / F1 step 4: beyond the end of the file, even inside the mapping: SIGBUS. It is not
        // a minor or major fault (F3).
        Event& e = post(EventKind::InvalidAccess, pid);
        e.va = va;
        e.access = a;
        e.code = SigCode::Sigbus;
        countFault(p, &FaultCounters::invalid);
        countFault(p, &FaultCounters::sigbus);
        kill(p, SigCode::Sigbus);
        return FaultResult::Killed;
    }
    const std::uint16_t execFlag = v.prot.exec ? pte::Exec : 0;
    const std::uint64_t window =
        v.randomAccess ? 1 : std::max<std::uint64_t>(1, m_m.config.readAheadKb * 1024 / ps);
    // P3: read faults first map what is already cached around the address.
    if (a != Access::Write) faultAround(*m_m.process(pid), v, va, slot);
    const bool wasCached = m_m.pageCache[id][index] != kNoFrame;
    // The classification comes first in the animation; the read (if any) follows.
    const FaultReason reason = !wasCached                        ? FaultReason::FileRead
                               : a == Access::Write && !v.shared ? FaultReason::FileCow
                                                                 : FaultReason::FileCacheHit;
    {
        Event& mf = post(wasCached ? EventKind::MinorFault : EventKind::MajorFault, pid,
                         wasCached ? cost.fileCacheHit : cost.fileRead);
        mf.va = va;
        mf.access = a;
        mf.reason = reason;
        countFault(p, wasCached ? &FaultCounters::minor : &FaultCounters::major);
    }
    bool major = false;
    const Pfn page = filePage(*m_m.process(pid), id, index, window, major, va, a);
    if (!page.valid()) return FaultResult::Killed;
    if (a == Access::Write && !v.shared) {
        // P5 (do_cow_fault): one fault; the page cache is untouched, the process gets a private
        // anonymous copy, writable and dirty. RssAnon +1, RssFile +0.
        m_pinned = page;
        const Pfn f = allocFrame(*m_m.process(pid), FrameUse::Anon, m_m.vpnOf(va), 0);
        m_pinned = Pfn::none();
        if (!f.valid()) return FaultResult::Killed;
        Process& q = *m_m.process(pid);
        Event& c = post(EventKind::CowCopy, pid);
        c.va = va;
        c.frame = f;
        c.oldFrame = page;
        c.count = 1;
        Pte& e = pteAt(slot);
        e.target = f.value;
        e.flags = pte::Present | pte::Writable | pte::Dirty | pte::Accessed | execFlag;
        m_m.tables.node(slot.node).used += 1;
        m_m.memory.frame(f).mapcount = 1;
        q.counters.rssPages += 1;
        postPteSet(pid, va, f, true).oldFrame = page;
        return FaultResult::Resolved;
    }
    // Read: mapped read-only (private and shared alike). Shared write (do_shared_fault): the
    // page is dirtied and mapped writable at once.
    Process& q = *m_m.process(pid);
    const bool write = a == Access::Write;
    Frame& fr = m_m.memory.frame(page);
    if (write) fr.dirty = true;
    Pte& e = pteAt(slot);
    e.target = page.value;
    e.flags = pte::Present | pte::Accessed | execFlag | (write ? pte::Writable | pte::Dirty : 0);
    m_m.tables.node(slot.node).used += 1;
    fr.mapcount += 1;
    q.counters.rssPages += 1;
    q.counters.rssFilePages += 1;
    postPteSet(pid, va, page, write);
    return FaultResult::Resolved;
}

Kernel::FaultResult Kernel::fileWriteProtect(Process& p, VirtAddr va, Access a, const Slot& slot) {
    const CostModel& cost = m_m.config.costs;
    const Pid pid = p.pid;
    const Vma& v = *p.findVma(va);
    const Pfn page{pteAt(slot).target};
    const std::uint16_t execFlag = v.prot.exec ? pte::Exec : 0;
    if (v.shared) {
        // P6 (wp_page_shared): write-notify. The page is marked dirty and the PTE made writable;
        // gaining a right needs no flush (T3).
        postMinorFault(p, va, a, FaultReason::WriteNotify, cost.faultCowReuse);
        m_m.memory.frame(page).dirty = true;
        Pte& e = pteAt(slot);
        e.flags |= pte::Writable | pte::Dirty | pte::Accessed;
        postPteSet(pid, va, page, true);
        return FaultResult::Resolved;
    }
    // P5 (do_wp_page on a page-cache page): always a copy, never reuse; the present PTE
    // changes frame, so it is flushed (T3). RssFile -1, RssAnon +1.
    postMinorFault(p, va, a, FaultReason::FileCow, cost.faultCowCopy);
    const std::uint16_t asid = asidFor(p);
    m_pinned = page;
    const Pfn f = allocFrame(p, FrameUse::Anon, m_m.vpnOf(va), 0);
    m_pinned = Pfn::none();
    if (!f.valid()) return FaultResult::Killed;
    Process& q = *m_m.process(pid);
    Event& c = post(EventKind::CowCopy, pid);
    c.va = va;
    c.frame = f;
    c.oldFrame = page;
    c.count = m_m.memory.frame(page).mapcount;
    flushPage(asid, pid, va);
    Pte& e = pteAt(slot);
    m_m.memory.frame(Pfn{e.target}).mapcount -= 1;
    q.counters.rssFilePages -= 1;
    e.target = f.value;
    e.flags = pte::Present | pte::Writable | pte::Dirty | pte::Accessed | execFlag;
    m_m.memory.frame(f).mapcount = 1;
    postPteSet(pid, va, f, true).oldFrame = page;
    return FaultResult::Resolved;
}

// ---------------------------------------------------------------------------------------------
// Reverse map, writeback, reclaim

std::vector<Kernel::FileMapper> Kernel::fileMappers(Pfn f) {
    std::vector<FileMapper> out;
    const Frame& fr = m_m.memory.frame(f);
    if (fr.mapcount == 0) return out;
    const std::uint64_t ps = m_m.geometry().pageSize();
    const std::string& name = m_m.config.files[fr.file].name;
    const std::uint64_t index = fr.vpn.value;
    for (const Process& q : m_m.processes) {
        if (!q.running()) continue;
        for (const Vma& v : q.vmas) {
            if (v.kind != VmaKind::File || v.file != name) continue;
            const std::uint64_t first = v.fileOffset / ps;
            if (index < first || index - first >= (v.end - v.start) / ps) continue;
            const VirtAddr va = v.start + (index - first) * ps;
            const auto s = findLeaf(q, va);
            if (!s) continue;
            const Pte& e = pteAt(*s);
            if (e.mapped() && e.target == f.value) out.push_back({q.pid, *s, va});
        }
    }
    return out;
}

std::uint32_t Kernel::harvestFileReferences(Pfn f) {
    std::uint32_t young = 0;
    for (const FileMapper& mp : fileMappers(f)) {
        Pte& e = pteAt(mp.slot);
        if (!e.has(pte::Accessed)) continue;
        ++young;
        e.flags &= static_cast<std::uint16_t>(~pte::Accessed);
        // As for anonymous pages: the entry is dropped so that the next access sets A again.
        if (const auto asid = m_m.tlb.asidOf(mp.pid)) m_m.tlb.invalidate(*asid, m_m.vpnOf(mp.va));
    }
    return young;
}

void Kernel::writebackPage(Pfn f) {
    // P6: folio_mkclean write-protects every shared PTE (flush, T3), then the page is written.
    std::uint64_t protectedPtes = 0;
    for (const FileMapper& mp : fileMappers(f)) {
        Pte& e = pteAt(mp.slot);
        if (!e.writable() && !e.has(pte::Dirty)) continue;
        const bool wasWritable = e.writable();
        e.flags &= static_cast<std::uint16_t>(~(pte::Writable | pte::Dirty));
        if (wasWritable) {
            ++protectedPtes;
            if (e.present()) flushRange(*m_m.process(mp.pid), {m_m.vpnOf(mp.va)});
        }
    }
    m_m.memory.frame(f).dirty = false;
    ++m_m.counters.writebacks;
    Event& e = post(EventKind::Writeback, Pid{});
    e.frame = f;
    e.count = protectedPtes;
}

void Kernel::dropCachePage(Pfn f) {
    // L3: try_to_unmap (flush where present, T3), then remove from the page cache and free.
    for (const FileMapper& mp : fileMappers(f)) {
        Process& q = *m_m.process(mp.pid);
        Pte& e = pteAt(mp.slot);
        const bool wasPresent = e.present();
        e = Pte{};
        m_m.tables.node(mp.slot.node).used -= 1;
        q.counters.rssPages -= 1;
        q.counters.rssFilePages -= 1;
        if (wasPresent) flushRange(q, {m_m.vpnOf(mp.va)});
    }
    Frame& fr = m_m.memory.frame(f);
    fr.mapcount = 0;
    m_m.pageCache[fr.file][fr.vpn.value] = kNoFrame;
    Event& e = post(EventKind::PageCacheDrop, Pid{});
    e.frame = f;
    e.index = static_cast<std::uint32_t>(fr.vpn.value);
    m_m.memory.release(f);
    ++m_m.counters.framesFreed;
    ++m_m.counters.pagesDropped;
}

bool Kernel::scanFileTail(Pid charged, std::uint64_t ratio, std::uint64_t& scanned,
                          std::uint64_t& writes) {
    PhysicalMemory& mem = m_m.memory;
    if (mem.lruSize(Lru::InactiveFile) * ratio < mem.lruSize(Lru::ActiveFile) ||
        mem.lruSize(Lru::InactiveFile) == 0) {
        // L4 for the file lists. Referenced executable pages would rotate back to active; this
        // model demotes every page (simplification).
        const std::uint32_t a = mem.lruTail(Lru::ActiveFile);
        if (a != kNoFrame) {
            harvestReferences(Pfn{a});
            mem.lruDel(Pfn{a});
            mem.frame(Pfn{a}).referenced = false;
            mem.lruAdd(Pfn{a}, Lru::InactiveFile);
            Event& e = post(EventKind::LruDeactivate, charged);
            e.frame = Pfn{a};
        }
    }
    const std::uint32_t t = mem.lruTail(Lru::InactiveFile);
    if (t == kNoFrame) return false;
    const Pfn f{t};
    ++scanned;
    Frame& fr = mem.frame(f);
    if (f == m_pinned) {
        mem.lruDel(f);
        mem.lruAdd(f, Lru::InactiveFile);
        return false;
    }
    // L3: the A bits of the mappers decide: activate, second chance, or reclaim.
    if (ageInactive(f, charged, Lru::ActiveFile, Lru::InactiveFile) != Aging::Old) {
        return false;
    }
    if (fr.dirty) {
        // A dirty page is written back first (the write completes at once in this model).
        writebackPage(f);
        ++writes;
        if (fr.referenced) {
            // PG_referenced without a young PTE: reclaimed only when clean; it is clean now but
            // stays for this pass.
            fr.referenced = false;
            mem.lruDel(f);
            mem.lruAdd(f, Lru::InactiveFile);
            return false;
        }
    }
    dropCachePage(f);
    return true;
}

}  // namespace pfviz
