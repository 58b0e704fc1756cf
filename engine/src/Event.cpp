#include "pfviz/Event.h"

namespace pfviz {

std::string_view eventKindId(EventKind k) {
    switch (k) {
        case EventKind::AccessStart:
            return "access_start";
        case EventKind::TlbHit:
            return "tlb_hit";
        case EventKind::TlbMiss:
            return "tlb_miss";
        case EventKind::WalkLevel:
            return "walk_level";
        case EventKind::TlbFill:
            return "tlb_fill";
        case EventKind::PageFault:
            return "page_fault";
        case EventKind::MinorFault:
            return "minor_fault";
        case EventKind::InvalidAccess:
            return "invalid_access";
        case EventKind::PageTableAlloc:
            return "page_table_alloc";
        case EventKind::FrameAlloc:
            return "frame_alloc";
        case EventKind::ZeroFill:
            return "zero_fill";
        case EventKind::ZeroPageMap:
            return "zero_page_map";
        case EventKind::CowCopy:
            return "cow_copy";
        case EventKind::CowReuse:
            return "cow_reuse";
        case EventKind::PteSet:
            return "pte_set";
        case EventKind::TlbFlush:
            return "tlb_flush";
        case EventKind::AccessRetry:
            return "access_retry";
        case EventKind::AccessDone:
            return "access_done";
        case EventKind::ProcessKilled:
            return "process_killed";
        case EventKind::FrameFree:
            return "frame_free";
        case EventKind::ProcessStart:
            return "process_start";
        case EventKind::Malloc:
            return "malloc";
        case EventKind::Free:
            return "free";
        case EventKind::Brk:
            return "brk";
        case EventKind::Mmap:
            return "mmap";
        case EventKind::Munmap:
            return "munmap";
        case EventKind::Mprotect:
            return "mprotect";
        case EventKind::MadviseDontneed:
            return "madvise_dontneed";
        case EventKind::Populate:
            return "populate";
        case EventKind::Fork:
            return "fork";
        case EventKind::Exit:
            return "exit";
        case EventKind::ContextSwitch:
            return "context_switch";
        case EventKind::Sleep:
            return "sleep";
        case EventKind::Checkpoint:
            return "checkpoint";
        case EventKind::OpSkipped:
            return "op_skipped";
        case EventKind::SyscallFailed:
            return "syscall_failed";
        case EventKind::OutOfMemory:
            return "out_of_memory";
        case EventKind::OomKill:
            return "oom_kill";
        case EventKind::MajorFault:
            return "major_fault";
        case EventKind::SwapOut:
            return "swap_out";
        case EventKind::SwapIn:
            return "swap_in";
        case EventKind::LruActivate:
            return "lru_activate";
        case EventKind::LruDeactivate:
            return "lru_deactivate";
        case EventKind::KswapdWake:
            return "kswapd_wake";
        case EventKind::KswapdSleep:
            return "kswapd_sleep";
        case EventKind::Reclaim:
            return "reclaim";
        case EventKind::ThpAlloc:
            return "thp_alloc";
        case EventKind::HugeZeroPageMap:
            return "huge_zero_page_map";
        case EventKind::ThpFallback:
            return "thp_fallback";
        case EventKind::ThpSplit:
            return "thp_split";
        case EventKind::PmdSet:
            return "pmd_set";
        case EventKind::MadviseHuge:
            return "madvise_huge";
        case EventKind::PageCacheRead:
            return "page_cache_read";
        case EventKind::FaultAround:
            return "fault_around";
        case EventKind::FileRead:
            return "file_read";
        case EventKind::Writeback:
            return "writeback";
        case EventKind::PageCacheDrop:
            return "page_cache_drop";
        case EventKind::Msync:
            return "msync";
        case EventKind::MadviseRandom:
            return "madvise_random";
    }
    return "unknown";
}

std::string_view faultReasonId(FaultReason r) {
    switch (r) {
        case FaultReason::None:
            return "none";
        case FaultReason::AnonZeroFill:
            return "anon_zero_fill";
        case FaultReason::ZeroPageRead:
            return "zero_page_read";
        case FaultReason::ZeroPageWrite:
            return "zero_page_write";
        case FaultReason::CowCopy:
            return "cow_copy";
        case FaultReason::CowReuse:
            return "cow_reuse";
        case FaultReason::Spurious:
            return "spurious";
        case FaultReason::SwapIn:
            return "swap_in";
        case FaultReason::SwapCacheHit:
            return "swap_cache_hit";
        case FaultReason::ThpAlloc:
            return "thp_alloc";
        case FaultReason::HugeZeroPageRead:
            return "huge_zero_page_read";
        case FaultReason::ThpReuse:
            return "thp_reuse";
        case FaultReason::Shmem:
            return "shmem";
        case FaultReason::FileRead:
            return "file_read";
        case FaultReason::FileCacheHit:
            return "file_cache_hit";
        case FaultReason::FileCow:
            return "file_cow";
        case FaultReason::WriteNotify:
            return "write_notify";
    }
    return "unknown";
}

std::string_view sigCodeId(SigCode c) {
    switch (c) {
        case SigCode::None:
            return "none";
        case SigCode::SegvMaperr:
            return "SIGSEGV/SEGV_MAPERR";
        case SigCode::SegvAccerr:
            return "SIGSEGV/SEGV_ACCERR";
        case SigCode::Sigkill:
            return "SIGKILL";
        case SigCode::Sigbus:
            return "SIGBUS/BUS_ADRERR";
    }
    return "unknown";
}

std::string_view accessId(Access a) {
    switch (a) {
        case Access::Read:
            return "read";
        case Access::Write:
            return "write";
        case Access::Execute:
            return "execute";
    }
    return "unknown";
}

}  // namespace pfviz
