<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>EventText</name>
    <message>
        <source>%1 ns</source>
        <translation>%1 ns</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1 (pid %2)</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <source>access</source>
        <translation>접근</translation>
    </message>
    <message>
        <source>TLB hit</source>
        <translation>TLB 적중</translation>
    </message>
    <message>
        <source>TLB miss</source>
        <translation>TLB 미스</translation>
    </message>
    <message>
        <source>walk level</source>
        <translation>워크 단계</translation>
    </message>
    <message>
        <source>TLB fill</source>
        <translation>TLB 채움</translation>
    </message>
    <message>
        <source>page fault</source>
        <translation>페이지 폴트</translation>
    </message>
    <message>
        <source>minor fault</source>
        <translation>마이너 폴트</translation>
    </message>
    <message>
        <source>invalid access</source>
        <translation>잘못된 접근</translation>
    </message>
    <message>
        <source>page-table alloc</source>
        <translation>페이지 테이블 할당</translation>
    </message>
    <message>
        <source>frame alloc</source>
        <translation>프레임 할당</translation>
    </message>
    <message>
        <source>zero fill</source>
        <translation>0으로 채움</translation>
    </message>
    <message>
        <source>zero page map</source>
        <translation>제로 페이지 매핑</translation>
    </message>
    <message>
        <source>CoW copy</source>
        <translation>CoW 복사</translation>
    </message>
    <message>
        <source>CoW reuse</source>
        <translation>CoW 재사용</translation>
    </message>
    <message>
        <source>PTE set</source>
        <translation>PTE 설정</translation>
    </message>
    <message>
        <source>TLB flush</source>
        <translation>TLB 플러시</translation>
    </message>
    <message>
        <source>retry</source>
        <translation>재실행</translation>
    </message>
    <message>
        <source>access done</source>
        <translation>접근 완료</translation>
    </message>
    <message>
        <source>process killed</source>
        <translation>프로세스 종료됨</translation>
    </message>
    <message>
        <source>frame free</source>
        <translation>프레임 해제</translation>
    </message>
    <message>
        <source>process start</source>
        <translation>프로세스 시작</translation>
    </message>
    <message>
        <source>malloc</source>
        <translation>malloc</translation>
    </message>
    <message>
        <source>free</source>
        <translation>free</translation>
    </message>
    <message>
        <source>brk</source>
        <translation>brk</translation>
    </message>
    <message>
        <source>mmap</source>
        <translation>mmap</translation>
    </message>
    <message>
        <source>munmap</source>
        <translation>munmap</translation>
    </message>
    <message>
        <source>mprotect</source>
        <translation>mprotect</translation>
    </message>
    <message>
        <source>madvise(DONTNEED)</source>
        <translation>madvise(DONTNEED)</translation>
    </message>
    <message>
        <source>populate</source>
        <translation>미리 채움(populate)</translation>
    </message>
    <message>
        <source>fork</source>
        <translation>fork</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>exit</translation>
    </message>
    <message>
        <source>context switch</source>
        <translation>문맥 교환</translation>
    </message>
    <message>
        <source>sleep</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation>체크포인트</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>건너뜀</translation>
    </message>
    <message>
        <source>syscall failed</source>
        <translation>시스템 콜 실패</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>메모리 부족</translation>
    </message>
    <message>
        <source>OOM kill</source>
        <translation>OOM 킬</translation>
    </message>
    <message>
        <source>major fault</source>
        <translation>메이저 폴트</translation>
    </message>
    <message>
        <source>swap-out</source>
        <translation>스왑 아웃</translation>
    </message>
    <message>
        <source>swap-in</source>
        <translation>스왑 인</translation>
    </message>
    <message>
        <source>LRU activate</source>
        <translation>LRU 활성화</translation>
    </message>
    <message>
        <source>LRU deactivate</source>
        <translation>LRU 비활성화</translation>
    </message>
    <message>
        <source>kswapd wakes</source>
        <translation>kswapd 깨어남</translation>
    </message>
    <message>
        <source>kswapd sleeps</source>
        <translation>kswapd 잠듦</translation>
    </message>
    <message>
        <source>reclaim</source>
        <translation>회수</translation>
    </message>
    <message>
        <source>read</source>
        <translation>읽기</translation>
    </message>
    <message>
        <source>write</source>
        <translation>쓰기</translation>
    </message>
    <message>
        <source>execute</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>%1 issues a %2 of %3; the MMU must translate it.</source>
        <translation>%1이(가) %3에 %2 접근을 합니다. MMU가 이 주소를 변환해야 합니다.</translation>
    </message>
    <message>
        <source>The TLB already holds this page: frame %1, no page-table walk needed.</source>
        <translation>TLB에 이미 이 페이지가 있습니다: 프레임 %1. 페이지 테이블 워크가 필요 없습니다.</translation>
    </message>
    <message>
        <source>The TLB has no entry for this page, so the MMU walks the page tables (T2).</source>
        <translation>TLB에 이 페이지의 항목이 없으므로 MMU가 페이지 테이블을 탐색합니다(T2).</translation>
    </message>
    <message>
        <source>Level %1: entry %2 of the table in frame %3 is present; go down.</source>
        <translation>레벨 %1: 프레임 %3에 있는 테이블의 %2번 항목이 존재합니다. 아래 단계로 내려갑니다.</translation>
    </message>
    <message>
        <source>Level %1: entry %2 of the table in frame %3 is empty: the walk stops here.</source>
        <translation>레벨 %1: 프레임 %3에 있는 테이블의 %2번 항목이 비어 있습니다. 워크가 여기서 멈춥니다.</translation>
    </message>
    <message>
        <source>The translation to frame %1 is cached in the TLB, writable.</source>
        <translation>프레임 %1로의 변환이 쓰기 가능으로 TLB에 캐시됩니다.</translation>
    </message>
    <message>
        <source>The translation to frame %1 is cached in the TLB, read-only.</source>
        <translation>프레임 %1로의 변환이 읽기 전용으로 TLB에 캐시됩니다.</translation>
    </message>
    <message>
        <source>Page fault: the PTE is present but forbids this %1 (protection fault, F5).</source>
        <translation>페이지 폴트: PTE는 있지만 이 %1 접근을 허용하지 않습니다(보호 폴트, F5).</translation>
    </message>
    <message>
        <source>Page fault: no present PTE for %1, the CPU traps to the kernel (F1).</source>
        <translation>페이지 폴트: %1에 대한 유효한 PTE가 없어 CPU가 커널로 트랩합니다(F1).</translation>
    </message>
    <message>
        <source>Minor fault: first write to anonymous memory; the kernel gives it a fresh zeroed frame, no disk I/O (A3).</source>
        <translation>마이너 폴트: 익명 메모리에 대한 첫 쓰기입니다. 커널이 0으로 채운 새 프레임을 주며 디스크 I/O는 없습니다(A3).</translation>
    </message>
    <message>
        <source>Minor fault: first read of anonymous memory; it maps the shared zero page read-only, no new frame (A2).</source>
        <translation>마이너 폴트: 익명 메모리에 대한 첫 읽기입니다. 공유 제로 페이지를 읽기 전용으로 매핑하며 새 프레임은 쓰지 않습니다(A2).</translation>
    </message>
    <message>
        <source>Minor fault: write to a page that maps the zero page; it gets its own zeroed frame (A4).</source>
        <translation>마이너 폴트: 제로 페이지를 매핑한 페이지에 쓰기가 일어났습니다. 0으로 채운 자기만의 프레임을 받습니다(A4).</translation>
    </message>
    <message>
        <source>Minor fault: write to a copy-on-write page still shared with another process; it must be copied (C2).</source>
        <translation>마이너 폴트: 다른 프로세스와 아직 공유 중인 쓰기 시 복사(CoW) 페이지에 쓰기가 일어났습니다. 복사해야 합니다(C2).</translation>
    </message>
    <message>
        <source>Minor fault: write to a copy-on-write page nobody else maps any more; it is made writable in place (C3).</source>
        <translation>마이너 폴트: 더 이상 아무도 공유하지 않는 쓰기 시 복사(CoW) 페이지에 쓰기가 일어났습니다. 그 자리에서 쓰기 가능으로 바뀝니다(C3).</translation>
    </message>
    <message>
        <source>Minor fault: the PTE already allowed this access (a stale TLB entry); only A/D bits are updated (F1).</source>
        <translation>마이너 폴트: PTE는 이미 이 접근을 허용하고 있었습니다(오래된 TLB 항목). A/D 비트만 갱신합니다(F1).</translation>
    </message>
    <message>
        <source>Minor fault: the page was swapped out but is still in the swap cache; no I/O is needed (S2).</source>
        <translation>마이너 폴트: 페이지가 스왑 아웃되었지만 아직 스왑 캐시에 있습니다. I/O가 필요 없습니다(S2).</translation>
    </message>
    <message>
        <source>Minor fault: resolved without disk I/O (F2).</source>
        <translation>마이너 폴트: 디스크 I/O 없이 해결되었습니다(F2).</translation>
    </message>
    <message>
        <source>Invalid access: no VMA contains %1, so the kernel sends SIGSEGV (SEGV_MAPERR); not a minor or major fault (F3).</source>
        <translation>잘못된 접근: %1을(를) 포함하는 VMA가 없으므로 커널이 SIGSEGV(SEGV_MAPERR)를 보냅니다. 마이너 폴트도 메이저 폴트도 아닙니다(F3).</translation>
    </message>
    <message>
        <source>Invalid access: the VMA at %1 does not allow a %2, so the kernel sends SIGSEGV (SEGV_ACCERR) (F3).</source>
        <translation>잘못된 접근: %1의 VMA가 %2 접근을 허용하지 않으므로 커널이 SIGSEGV(SEGV_ACCERR)를 보냅니다(F3).</translation>
    </message>
    <message>
        <source>A page-table page for level %1 is allocated in frame %2 (T6).</source>
        <translation>레벨 %1의 페이지 테이블 페이지가 프레임 %2에 할당됩니다(T6).</translation>
    </message>
    <message>
        <source>The allocator hands out frame %1 from the free list.</source>
        <translation>할당자가 빈 프레임 목록에서 프레임 %1을(를) 내어 줍니다.</translation>
    </message>
    <message>
        <source>Frame %1 is filled with zeros so no old data leaks between processes.</source>
        <translation>프로세스 사이에 이전 데이터가 새지 않도록 프레임 %1을(를) 0으로 채웁니다.</translation>
    </message>
    <message>
        <source>The PTE points at the shared zero page (frame 0), read-only (A2).</source>
        <translation>PTE가 공유 제로 페이지(프레임 0)를 읽기 전용으로 가리킵니다(A2).</translation>
    </message>
    <message>
        <source>CoW copy: frame %1 still had %2 sharers, so its contents are copied to frame %3 (C2).</source>
        <translation>CoW 복사: 프레임 %1을(를) 아직 %2개 프로세스가 공유하므로 내용을 프레임 %3(으)로 복사합니다(C2).</translation>
    </message>
    <message>
        <source>CoW reuse: frame %1 had only %2 reference left, so it is reused in place instead of copied (C3).</source>
        <translation>CoW 재사용: 프레임 %1에 남은 참조가 %2개뿐이므로 복사하지 않고 그 자리에서 재사용합니다(C3).</translation>
    </message>
    <message>
        <source>The leaf PTE now maps frame %1, writable.</source>
        <translation>이제 말단 PTE가 프레임 %1을(를) 쓰기 가능으로 매핑합니다.</translation>
    </message>
    <message>
        <source>The leaf PTE now maps frame %1, read-only.</source>
        <translation>이제 말단 PTE가 프레임 %1을(를) 읽기 전용으로 매핑합니다.</translation>
    </message>
    <message>
        <source>The whole TLB of this address space is flushed (%1 entries) (T3/T4).</source>
        <translation>이 주소 공간의 TLB 전체를 플러시합니다(항목 %1개)(T3/T4).</translation>
    </message>
    <message>
        <source>%1 stale TLB entries are invalidated (T3).</source>
        <translation>오래된 TLB 항목 %1개를 무효화합니다(T3).</translation>
    </message>
    <message>
        <source>The fault handler returns and the faulting instruction runs again.</source>
        <translation>폴트 처리기가 돌아오고 폴트를 낸 명령어가 다시 실행됩니다.</translation>
    </message>
    <message>
        <source>The %1 of %2 never completes: the process was killed.</source>
        <translation>%2에 대한 %1 접근은 끝나지 않습니다: 프로세스가 종료되었습니다.</translation>
    </message>
    <message>
        <source>The %1 of %2 completes.</source>
        <translation>%2에 대한 %1 접근이 끝납니다.</translation>
    </message>
    <message>
        <source>%1 is killed by a fatal signal.</source>
        <translation>%1이(가) 치명적인 시그널로 종료됩니다.</translation>
    </message>
    <message>
        <source>Frame %1 goes back to the free list.</source>
        <translation>프레임 %1이(가) 빈 프레임 목록으로 돌아갑니다.</translation>
    </message>
    <message>
        <source>%1 starts with an empty address space.</source>
        <translation>%1이(가) 빈 주소 공간으로 시작합니다.</translation>
    </message>
    <message>
        <source>malloc(%1 bytes) returns %2; no frame is used until the memory is touched.</source>
        <translation>malloc(%1바이트)이 %2을(를) 돌려줍니다. 메모리를 실제로 건드리기 전까지는 프레임을 쓰지 않습니다.</translation>
    </message>
    <message>
        <source>free(%1): %2 bytes go back to the allocator.</source>
        <translation>free(%1): %2바이트가 할당자로 돌아갑니다.</translation>
    </message>
    <message>
        <source>The heap grows by %1 pages from %2 (brk).</source>
        <translation>힙이 %2부터 %1페이지만큼 늘어납니다(brk).</translation>
    </message>
    <message>
        <source>mmap reserves %1 pages at %2; nothing is in memory yet (A1).</source>
        <translation>mmap이 %2에 %1페이지를 예약합니다. 아직 메모리에 올라온 것은 없습니다(A1).</translation>
    </message>
    <message>
        <source>munmap removes %1 pages at %2 and frees %3 frames (A6).</source>
        <translation>munmap이 %2의 %1페이지를 제거하고 프레임 %3개를 해제합니다(A6).</translation>
    </message>
    <message>
        <source>mprotect changes the protection of %1 pages at %2.</source>
        <translation>mprotect가 %2의 %1페이지의 보호 속성을 바꿉니다.</translation>
    </message>
    <message>
        <source>madvise(MADV_DONTNEED) drops %1 pages at %2 and frees %3 frames (A5).</source>
        <translation>madvise(MADV_DONTNEED)가 %2의 %1페이지를 버리고 프레임 %3개를 해제합니다(A5).</translation>
    </message>
    <message>
        <source>The kernel faults in %1 pages for the caller (F4).</source>
        <translation>커널이 호출자를 위해 %1페이지를 미리 폴트인합니다(F4).</translation>
    </message>
    <message>
        <source>fork: %1 creates pid %2; %3 PTEs are copied read-only and the frames are shared copy-on-write (C1).</source>
        <translation>fork: %1이(가) pid %2을(를) 만듭니다. PTE %3개가 읽기 전용으로 복사되고 프레임은 쓰기 시 복사(CoW)로 공유됩니다(C1).</translation>
    </message>
    <message>
        <source>%1 exits; %2 frames are freed.</source>
        <translation>%1이(가) 종료하고 프레임 %2개가 해제됩니다.</translation>
    </message>
    <message>
        <source>Switch to %1; its TLB context starts cold (%2 entries dropped) (T5).</source>
        <translation>%1(으)로 전환합니다. TLB가 비어 있는 상태로 시작합니다(항목 %2개 버림)(T5).</translation>
    </message>
    <message>
        <source>Switch to %1; its TLB entries survive under ASID %2 (T5).</source>
        <translation>%1(으)로 전환합니다. TLB 항목은 ASID %2 아래에 그대로 남습니다(T5).</translation>
    </message>
    <message>
        <source>Time passes: %1.</source>
        <translation>시간이 흐릅니다: %1.</translation>
    </message>
    <message>
        <source>Checkpoint: playback pauses here.</source>
        <translation>체크포인트: 재생이 여기서 멈춥니다.</translation>
    </message>
    <message>
        <source>The operation is skipped: %1 is not running.</source>
        <translation>작업을 건너뜁니다: %1이(가) 실행 중이 아닙니다.</translation>
    </message>
    <message>
        <source>The system call failed with errno %1.</source>
        <translation>시스템 콜이 errno %1(으)로 실패했습니다.</translation>
    </message>
    <message>
        <source>No free frame is left: the OOM killer runs (O1).</source>
        <translation>빈 프레임이 남지 않았습니다: OOM 킬러가 동작합니다(O1).</translation>
    </message>
    <message>
        <source>The OOM killer kills %1 (badness %2) (O2).</source>
        <translation>OOM 킬러가 %1을(를) 종료시킵니다(badness %2)(O2).</translation>
    </message>
    <message>
        <source>Major fault: the page is on the swap device and must be read back; the process waits %1 (F2, S2).</source>
        <translation>메이저 폴트: 페이지가 스왑 장치에 있어 다시 읽어 와야 합니다. 프로세스는 %1 동안 기다립니다(F2, S2).</translation>
    </message>
    <message>
        <source>Swap-out: frame %1 is written to swap slot %2 and %3 PTEs now hold the swap entry (S1).</source>
        <translation>스왑 아웃: 프레임 %1을(를) 스왑 슬롯 %2에 쓰고, 이제 PTE %3개가 스왑 항목을 가집니다(S1).</translation>
    </message>
    <message>
        <source>Swap-out: frame %1 is clean in swap slot %2, so it is dropped without a write (S1, S6).</source>
        <translation>스왑 아웃: 프레임 %1은(는) 스왑 슬롯 %2의 내용과 같아(clean) 쓰지 않고 버립니다(S1, S6).</translation>
    </message>
    <message>
        <source>Swap-in: slot %1 was still in the swap cache as frame %2; it is mapped again (S2).</source>
        <translation>스왑 인: 슬롯 %1이(가) 아직 스왑 캐시에 프레임 %2(으)로 남아 있어 다시 매핑합니다(S2).</translation>
    </message>
    <message>
        <source>Swap-in: slot %1 is read into frame %2; %3 neighbouring slots come along (S2, S3).</source>
        <translation>스왑 인: 슬롯 %1을(를) 프레임 %2(으)로 읽어 옵니다. 이웃 슬롯 %3개도 함께 읽습니다(S2, S3).</translation>
    </message>
    <message>
        <source>Frame %1 was referenced again: it moves to the active list (L3).</source>
        <translation>프레임 %1이(가) 다시 참조되어 활성 목록으로 옮겨집니다(L3).</translation>
    </message>
    <message>
        <source>Frame %1 moves from the active to the inactive list (L4).</source>
        <translation>프레임 %1이(가) 활성 목록에서 비활성 목록으로 옮겨집니다(L4).</translation>
    </message>
    <message>
        <source>Free memory (%1 frames) fell below the low watermark: kswapd wakes up (W3, W5).</source>
        <translation>여유 메모리(프레임 %1개)가 low 워터마크 아래로 떨어졌습니다: kswapd가 깨어납니다(W3, W5).</translation>
    </message>
    <message>
        <source>Free memory (%1 frames) is above the high watermark again: kswapd sleeps (W5).</source>
        <translation>여유 메모리(프레임 %1개)가 다시 high 워터마크 위에 있습니다: kswapd가 잠듭니다(W5).</translation>
    </message>
    <message>
        <source>Direct reclaim by %1: %2 of %3 scanned pages reclaimed; the process stalls %4 (W6).</source>
        <translation>%1의 직접 회수: 검사한 %3페이지 중 %2페이지를 회수했습니다. 프로세스가 %4 동안 멈춥니다(W6).</translation>
    </message>
    <message>
        <source>kswapd reclaims %1 of %2 scanned pages in the background (W5).</source>
        <translation>kswapd가 백그라운드에서 검사한 %2페이지 중 %1페이지를 회수합니다(W5).</translation>
    </message>
    <message>
        <source>huge page alloc</source>
        <translation>huge page 할당</translation>
    </message>
    <message>
        <source>huge zero page</source>
        <translation>거대 제로 페이지</translation>
    </message>
    <message>
        <source>THP fallback</source>
        <translation>THP 대체(4 KiB)</translation>
    </message>
    <message>
        <source>huge page split</source>
        <translation>huge page 분할</translation>
    </message>
    <message>
        <source>PMD set</source>
        <translation>PMD 설정</translation>
    </message>
    <message>
        <source>madvise huge</source>
        <translation>madvise huge</translation>
    </message>
    <message>
        <source>Level %1: entry %2 of the table in frame %3 maps a 2 MiB huge page (PS bit): the walk ends here (T1).</source>
        <translation>레벨 %1: 프레임 %3에 있는 테이블의 엔트리 %2가 2 MiB huge page(거대 페이지)를 매핑합니다(PS 비트): 페이지 워크가 여기서 끝납니다 (T1).</translation>
    </message>
    <message>
        <source>Minor fault: first write to an empty 2 MiB range that may use huge pages; one fault maps 512 pages at once (H2).</source>
        <translation>마이너 폴트: huge page(거대 페이지)를 쓸 수 있는 빈 2 MiB 범위에 처음 씁니다. 폴트 한 번에 512페이지를 한꺼번에 매핑합니다 (H2).</translation>
    </message>
    <message>
        <source>Minor fault: first read of an empty 2 MiB range that may use huge pages; it maps the huge zero page, RSS does not grow (H2).</source>
        <translation>마이너 폴트: huge page(거대 페이지)를 쓸 수 있는 빈 2 MiB 범위를 처음 읽습니다. 거대 제로 페이지를 매핑하며 RSS는 늘지 않습니다 (H2).</translation>
    </message>
    <message>
        <source>Minor fault: write to a read-only huge page that nobody else maps any more; the PMD is made writable in place.</source>
        <translation>마이너 폴트: 이제 다른 누구도 매핑하지 않는 읽기 전용 huge page에 씁니다. PMD를 그 자리에서 쓰기 가능으로 바꿉니다.</translation>
    </message>
    <message>
        <source>Minor fault in shared memory: the page every sharer maps is mapped here (allocated on its first touch); it is never copied (C6).</source>
        <translation>공유 메모리의 마이너 폴트: 모든 공유자가 매핑하는 그 페이지를 여기에도 매핑합니다(처음 접근할 때 할당됨). 절대 복사되지 않습니다 (C6).</translation>
    </message>
    <message>
        <source>A huge page: %1 contiguous frames from frame %2 are allocated and zeroed for %3 (H2).</source>
        <translation>huge page(거대 페이지): 프레임 %2부터 연속된 프레임 %1개를 %3에 할당하고 0으로 채웁니다 (H2).</translation>
    </message>
    <message>
        <source>The PMD at %1 points at the huge zero page, read-only: 2 MiB of zeros, no new frame (H2).</source>
        <translation>%1의 PMD가 거대 제로 페이지를 읽기 전용으로 가리킵니다: 0으로 된 2 MiB, 새 프레임은 없습니다 (H2).</translation>
    </message>
    <message>
        <source>No aligned block of free frames for a huge page at %1 (or memory is low): the fault falls back to 4 KiB pages (H2).</source>
        <translation>%1의 huge page에 쓸 정렬된 빈 프레임 블록이 없습니다(또는 메모리가 부족합니다): 폴트는 4 KiB 페이지로 물러납니다 (H2).</translation>
    </message>
    <message>
        <source>Huge page split: the PMD at %1 becomes a table of %2 PTEs for the same frames; its 2 MiB TLB entry is flushed and that TLB reach is lost (C7, H3).</source>
        <translation>huge page 분할: %1의 PMD가 같은 프레임을 가리키는 PTE %2개짜리 테이블이 됩니다. 2 MiB TLB 엔트리는 플러시되고 그만큼의 TLB 도달 범위를 잃습니다 (C7, H3).</translation>
    </message>
    <message>
        <source>The PMD entry now maps %1 pages from frame %2 as one huge page, writable: the walk ends at level %3 (T1).</source>
        <translation>이제 PMD 엔트리가 프레임 %2부터 %1페이지를 huge page 하나로, 쓰기 가능하게 매핑합니다: 페이지 워크는 레벨 %3에서 끝납니다 (T1).</translation>
    </message>
    <message>
        <source>The PMD entry now maps %1 pages from frame %2 as one huge page, read-only: the walk ends at level %3 (T1).</source>
        <translation>이제 PMD 엔트리가 프레임 %2부터 %1페이지를 huge page 하나로, 읽기 전용으로 매핑합니다: 페이지 워크는 레벨 %3에서 끝납니다 (T1).</translation>
    </message>
    <message>
        <source>madvise(MADV_HUGEPAGE) on %1 pages at %2: faults there may map huge pages (H2).</source>
        <translation>%2의 %1페이지에 madvise(MADV_HUGEPAGE): 그곳의 폴트는 huge page(거대 페이지)를 매핑할 수 있습니다 (H2).</translation>
    </message>
    <message>
        <source>madvise(MADV_NOHUGEPAGE) on %1 pages at %2: faults there use 4 KiB pages (H2).</source>
        <translation>%2의 %1페이지에 madvise(MADV_NOHUGEPAGE): 그곳의 폴트는 4 KiB 페이지를 씁니다 (H2).</translation>
    </message>
    <message>
        <source>page-cache read</source>
        <translation>페이지 캐시 읽기</translation>
    </message>
    <message>
        <source>fault-around</source>
        <translation>폴트 어라운드</translation>
    </message>
    <message>
        <source>read()</source>
        <translation>read()</translation>
    </message>
    <message>
        <source>writeback</source>
        <translation>쓰기 저장(writeback)</translation>
    </message>
    <message>
        <source>page-cache drop</source>
        <translation>페이지 캐시 버림</translation>
    </message>
    <message>
        <source>msync</source>
        <translation>msync</translation>
    </message>
    <message>
        <source>madvise(RANDOM)</source>
        <translation>madvise(RANDOM)</translation>
    </message>
    <message>
        <source>Minor fault: the file page is already in the page cache; it is mapped without disk I/O (P1).</source>
        <translation>마이너 폴트: 파일 페이지가 이미 페이지 캐시에 있습니다. 디스크 I/O 없이 매핑합니다(P1).</translation>
    </message>
    <message>
        <source>Minor fault: write to a private file mapping; the process gets its own anonymous copy of the page-cache page (P5).</source>
        <translation>마이너 폴트: private 파일 매핑에 쓰기가 일어났습니다. 프로세스는 페이지 캐시 페이지의 자기만의 익명 복사본을 받습니다(P5).</translation>
    </message>
    <message>
        <source>Minor fault: first write to a clean page of a shared file mapping; the page is marked dirty and made writable (write-notify, P6).</source>
        <translation>마이너 폴트: shared 파일 매핑의 깨끗한 페이지에 대한 첫 쓰기입니다. 페이지를 dirty로 표시하고 쓰기 가능으로 바꿉니다(쓰기 알림, P6).</translation>
    </message>
    <message>
        <source>Invalid access: %1 is inside the mapping but beyond the end of the file, so the kernel sends SIGBUS; not a minor or major fault (P7, F3).</source>
        <translation>잘못된 접근: %1은(는) 매핑 안에 있지만 파일 끝을 넘어서므로 커널이 SIGBUS를 보냅니다. 마이너 폴트도 메이저 폴트도 아닙니다(P7, F3).</translation>
    </message>
    <message>
        <source>Major fault: the file page is not in the page cache and must be read from disk; the process waits %1 (P1).</source>
        <translation>메이저 폴트: 파일 페이지가 페이지 캐시에 없어 디스크에서 읽어야 합니다. 프로세스는 %1 동안 기다립니다(P1).</translation>
    </message>
    <message>
        <source>Page %1 of the file is read into frame %2 of the page cache, with %3 more pages of readahead (P1, P2).</source>
        <translation>파일의 %1번 페이지를 페이지 캐시의 프레임 %2(으)로 읽어 들이고, 미리 읽기로 %3페이지를 더 읽습니다(P1, P2).</translation>
    </message>
    <message>
        <source>Fault-around: %1 more pages already in the page cache are mapped read-only around the fault (P3).</source>
        <translation>폴트 어라운드: 이미 페이지 캐시에 있는 주변 페이지 %1개를 읽기 전용으로 함께 매핑합니다(P3).</translation>
    </message>
    <message>
        <source>read() copies %1 pages through the page cache (%2 read from disk); the process takes no page fault (P4).</source>
        <translation>read()가 페이지 캐시를 거쳐 %1페이지를 복사합니다(디스크에서 읽은 것 %2페이지). 프로세스에는 페이지 폴트가 없습니다(P4).</translation>
    </message>
    <message>
        <source>Dirty page-cache frame %1 is written back to the file; %2 PTEs are write-protected again (P6).</source>
        <translation>dirty 페이지 캐시 프레임 %1을(를) 파일에 다시 씁니다. PTE %2개가 다시 쓰기 금지가 됩니다(P6).</translation>
    </message>
    <message>
        <source>Reclaim drops clean page-cache frame %1 (file page %2); the file still has the data (L3).</source>
        <translation>회수가 깨끗한 페이지 캐시 프레임 %1(파일 페이지 %2)을(를) 버립니다. 데이터는 파일에 그대로 있습니다(L3).</translation>
    </message>
    <message>
        <source>msync writes back %1 dirty pages of the mapping (P6).</source>
        <translation>msync가 매핑의 dirty 페이지 %1개를 다시 씁니다(P6).</translation>
    </message>
    <message>
        <source>madvise(MADV_RANDOM) on %1 pages: faults there read no readahead (P2).</source>
        <translation>%1페이지에 madvise(MADV_RANDOM): 이 범위의 폴트는 미리 읽기를 하지 않습니다(P2).</translation>
    </message>
    <message>
        <source>memcg reclaim</source>
        <translation>memcg 회수</translation>
    </message>
    <message>
        <source>join cgroup</source>
        <translation>cgroup 가입</translation>
    </message>
    <message>
        <source>mlock</source>
        <translation>mlock</translation>
    </message>
    <message>
        <source>unevictable</source>
        <translation>회수 불가</translation>
    </message>
    <message>
        <source>madvise(FREE)</source>
        <translation>madvise(FREE)</translation>
    </message>
    <message>
        <source>lazy-free drop</source>
        <translation>지연 해제 페이지 버림</translation>
    </message>
    <message>
        <source>the root cgroup</source>
        <translation>루트 cgroup</translation>
    </message>
    <message>
        <source>cgroup &apos;%1&apos;</source>
        <translation>cgroup &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1 is at its memory.max (%2 pages) and reclaim freed nothing: a memcg OOM, only its processes are candidates (W7, O1).</source>
        <translation>%1이(가) memory.max(%2페이지)에 닿았고 회수로 얻은 것이 없습니다: memcg OOM이며, 그 그룹의 프로세스만 후보입니다 (W7, O1).</translation>
    </message>
    <message>
        <source>The memcg OOM killer kills %1 (badness %2) inside %3 (O5).</source>
        <translation>memcg OOM 킬러가 %3 안에서 %1(badness %2)을(를) 죽입니다 (O5).</translation>
    </message>
    <message>
        <source>%1 hit the memory.max of %2: it reclaims inside the group only, %3 of %4 scanned pages; the process stalls %5 (W7).</source>
        <translation>%1이(가) %2의 memory.max에 닿았습니다: 그룹 안에서만 회수하여, 검사한 %4페이지 중 %3페이지를 회수합니다. 프로세스는 %5 동안 멈춥니다 (W7).</translation>
    </message>
    <message>
        <source>%1 moves into %2; pages it already has stay charged where they are.</source>
        <translation>%1이(가) %2(으)로 옮겨 갑니다. 이미 가진 페이지는 원래 청구된 곳에 그대로 남습니다.</translation>
    </message>
    <message>
        <source>mlock locks %1 pages at %2: they are faulted in and %3 frames go on the unevictable list; reclaim never takes them (L1).</source>
        <translation>mlock이 %2의 %1페이지를 잠급니다: 페이지를 폴트로 채우고 프레임 %3개를 회수 불가 리스트에 넣습니다. 회수는 이 페이지들을 절대 가져가지 않습니다 (L1).</translation>
    </message>
    <message>
        <source>Frame %1 is mapped by a locked VMA: reclaim moves it to the unevictable list (L1).</source>
        <translation>프레임 %1은(는) 잠긴 VMA에 매핑되어 있습니다: 회수가 이 프레임을 회수 불가 리스트로 옮깁니다 (L1).</translation>
    </message>
    <message>
        <source>madvise(MADV_FREE) marks %1 pages at %2 as lazily freeable and frees %3 swap entries; the pages stay mapped (A5).</source>
        <translation>madvise(MADV_FREE)가 %2의 %1페이지를 나중에 버려도 되는 페이지로 표시하고 스왑 엔트리 %3개를 해제합니다. 페이지는 매핑된 채로 남습니다 (A5).</translation>
    </message>
    <message>
        <source>Frame %1 was freed with MADV_FREE and not written since: reclaim drops it without swap; the next read sees zeros (A5).</source>
        <translation>프레임 %1은(는) MADV_FREE로 해제된 뒤 다시 쓰이지 않았습니다: 회수가 스왑 없이 버립니다. 다음 읽기는 0을 봅니다 (A5).</translation>
    </message>
    <message>
        <source>zram</source>
        <translation>zram</translation>
    </message>
    <message>
        <source>hard disk</source>
        <translation>하드 디스크</translation>
    </message>
    <message>
        <source>SSD</source>
        <translation>SSD</translation>
    </message>
    <message>
        <source>%1 Swap device: %2, priority %3.</source>
        <translation>%1 스왑 장치: %2, 우선순위 %3.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>No memory access in this step: a system call or a script operation.</source>
        <translation>이 단계에는 메모리 접근이 없습니다: 시스템 콜이나 스크립트 작업입니다.</translation>
    </message>
    <message>
        <source>Virtual address %1, split into its fields (T1)</source>
        <translation>가상 주소 %1을(를) 필드별로 나눈 모습(T1)</translation>
    </message>
    <message>
        <source>offset</source>
        <translation>오프셋</translation>
    </message>
    <message>
        <source>%1 index
bits %2–%3
= %4</source>
        <translation>%1 인덱스
비트 %2–%3
= %4</translation>
    </message>
    <message>
        <source>%1 entries, %2-way</source>
        <translation>항목 %1개, %2-way</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>유휴</translation>
    </message>
    <message>
        <source>frame 0, shared, read-only</source>
        <translation>프레임 0, 공유, 읽기 전용</translation>
    </message>
    <message>
        <source>%1
writes</source>
        <translation>%1
쓰기</translation>
    </message>
    <message>
        <source>%1
reads</source>
        <translation>%1
읽기</translation>
    </message>
    <message>
        <source>%1
executes</source>
        <translation>%1
실행</translation>
    </message>
    <message>
        <source>hit: frame %1</source>
        <translation>적중: 프레임 %1</translation>
    </message>
    <message>
        <source>miss</source>
        <translation>미스</translation>
    </message>
    <message>
        <source>filled: frame %1</source>
        <translation>채움: 프레임 %1</translation>
    </message>
    <message>
        <source>flushed %1</source>
        <translation>%1개 플러시</translation>
    </message>
    <message>
        <source>[%1] present
table in frame %2</source>
        <translation>[%1] 존재
테이블은 프레임 %2</translation>
    </message>
    <message>
        <source>[%1] empty
table in frame %2</source>
        <translation>[%1] 비어 있음
테이블은 프레임 %2</translation>
    </message>
    <message>
        <source>PTE set → frame %1</source>
        <translation>PTE 설정 → 프레임 %1</translation>
    </message>
    <message>
        <source>#PF raised</source>
        <translation>#PF 발생</translation>
    </message>
    <message>
        <source>minor fault</source>
        <translation>마이너 폴트</translation>
    </message>
    <message>
        <source>SIGSEGV</source>
        <translation>SIGSEGV</translation>
    </message>
    <message>
        <source>CoW copy %1 → %2</source>
        <translation>CoW 복사 %1 → %2</translation>
    </message>
    <message>
        <source>CoW reuse %1</source>
        <translation>CoW 재사용 %1</translation>
    </message>
    <message>
        <source>frame %1 allocated</source>
        <translation>프레임 %1 할당</translation>
    </message>
    <message>
        <source>table frame %1 (L%2)</source>
        <translation>테이블 프레임 %1 (L%2)</translation>
    </message>
    <message>
        <source>frame %1 zeroed</source>
        <translation>프레임 %1 0으로 채움</translation>
    </message>
    <message>
        <source>frame %1 freed</source>
        <translation>프레임 %1 해제</translation>
    </message>
    <message>
        <source>mapped read-only</source>
        <translation>읽기 전용으로 매핑</translation>
    </message>
    <message>
        <source>no free frame</source>
        <translation>빈 프레임 없음</translation>
    </message>
    <message>
        <source>kills pid %1</source>
        <translation>pid %1 종료</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>MMU</source>
        <translation>MMU</translation>
    </message>
    <message>
        <source>translates
virtual → physical</source>
        <translation>변환
가상 → 물리</translation>
    </message>
    <message>
        <source>TLB</source>
        <translation>TLB</translation>
    </message>
    <message>
        <source>%1 (L%2)</source>
        <translation>%1 (L%2)</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>읽지 않음</translation>
    </message>
    <message>
        <source>Fault handler</source>
        <translation>폴트 처리기</translation>
    </message>
    <message>
        <source>Frame allocator</source>
        <translation>프레임 할당자</translation>
    </message>
    <message>
        <source>Zero page</source>
        <translation>제로 페이지</translation>
    </message>
    <message>
        <source>Swap device</source>
        <translation>스왑 장치</translation>
    </message>
    <message>
        <source>not used yet</source>
        <translation>아직 사용 안 함</translation>
    </message>
    <message>
        <source>Disk / page cache</source>
        <translation>디스크 / 페이지 캐시</translation>
    </message>
    <message>
        <source>kswapd</source>
        <translation>kswapd</translation>
    </message>
    <message>
        <source>asleep</source>
        <translation>잠듦</translation>
    </message>
    <message>
        <source>OOM killer</source>
        <translation>OOM 킬러</translation>
    </message>
    <message>
        <source>Event %1 of %2: %3</source>
        <translation>이벤트 %1/%2: %3</translation>
    </message>
    <message>
        <source>[%1] huge page
table in frame %2</source>
        <translation>[%1] huge page
테이블은 프레임 %2</translation>
    </message>
    <message>
        <source>PMD set → huge page
at frame %1</source>
        <translation>PMD 설정 → huge page
프레임 %1</translation>
    </message>
    <message>
        <source>huge page: %1 frames
from %2</source>
        <translation>huge page: 프레임 %1개
%2부터</translation>
    </message>
    <message>
        <source>huge page split</source>
        <translation>huge page 분할</translation>
    </message>
    <message>
        <source>THP fallback: 4 KiB</source>
        <translation>THP 대체: 4 KiB</translation>
    </message>
    <message>
        <source>huge zero page</source>
        <translation>거대 제로 페이지</translation>
    </message>
    <message>
        <source>file page %1 read
+%2 readahead</source>
        <translation>파일 페이지 %1 읽음
+미리 읽기 %2</translation>
    </message>
    <message>
        <source>fault-around: +%1 pages</source>
        <translation>폴트 어라운드: +%1페이지</translation>
    </message>
    <message>
        <source>none configured</source>
        <translation>설정 안 됨</translation>
    </message>
    <message>
        <source>%1 of %2 slots used</source>
        <translation>슬롯 %2개 중
%1개 사용</translation>
    </message>
    <message>
        <source>major fault</source>
        <translation>메이저 폴트</translation>
    </message>
    <message>
        <source>%1 pages
swapped out</source>
        <translation>%1페이지
스왑 아웃</translation>
    </message>
    <message>
        <source>page out → slot %1</source>
        <translation>스왑 아웃 → 슬롯 %1</translation>
    </message>
    <message>
        <source>page out → slot %1
(%2)</source>
        <translation>스왑 아웃 → 슬롯 %1
(%2)</translation>
    </message>
    <message>
        <source>swap-cache hit
slot %1</source>
        <translation>스왑 캐시 적중
슬롯 %1</translation>
    </message>
    <message>
        <source>slot %1 read
+%2 readahead</source>
        <translation>슬롯 %1 읽음
+미리 읽기 %2</translation>
    </message>
    <message>
        <source>slot %1 read (%2)
+%3 readahead</source>
        <translation>슬롯 %1 읽음 (%2)
+미리 읽기 %3</translation>
    </message>
    <message>
        <source>dirty file page
written back</source>
        <translation>더티 파일 페이지
다시 씀</translation>
    </message>
    <message>
        <source>woken:
free %1
&lt; low</source>
        <translation>깨어남:
여유 %1
&lt; low</translation>
    </message>
    <message>
        <source>asleep again:
free %1
≥ high</source>
        <translation>다시 잠듦:
여유 %1
≥ high</translation>
    </message>
    <message>
        <source>direct reclaim:
%1 of %2 pages freed</source>
        <translation>직접 회수:
%2페이지 중 %1개 해제</translation>
    </message>
    <message>
        <source>freed %1
of %2
scanned</source>
        <translation>훑은 %2개 중
%1개 해제</translation>
    </message>
    <message>
        <source>cgroup at memory.max:
reclaim in the group</source>
        <translation>cgroup이 memory.max 도달:
그룹 안에서 회수</translation>
    </message>
    <message>
        <source>awake:
reclaiming</source>
        <translation>깨어 있음:
회수 중</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Interactive visualizer of Linux page faults</source>
        <translation>리눅스 페이지 폴트를 보여 주는 대화형 시각화 도구</translation>
    </message>
    <message>
        <source>Built-in scenario name or scenario file.</source>
        <translation>내장 시나리오 이름 또는 시나리오 파일.</translation>
    </message>
    <message>
        <source>Go to step N.</source>
        <translation>N단계로 이동합니다.</translation>
    </message>
    <message>
        <source>Run until the first event of this kind (e.g. cow_copy).</source>
        <translation>이 종류의 첫 이벤트까지 실행합니다(예: cow_copy).</translation>
    </message>
    <message>
        <source>Window size, WxH.</source>
        <translation>창 크기, 너비x높이.</translation>
    </message>
    <message>
        <source>Start in presenter mode.</source>
        <translation>발표자 모드로 시작합니다.</translation>
    </message>
    <message>
        <source>Render the window to a PNG and exit.</source>
        <translation>창을 PNG로 저장하고 끝냅니다.</translation>
    </message>
    <message>
        <source>--lang must be en or ko, not &quot;%1&quot;</source>
        <translation>--lang은 en 또는 ko여야 합니다(&quot;%1&quot;은(는) 안 됩니다)</translation>
    </message>
    <message>
        <source>--size must look like 1920x1080</source>
        <translation>--size는 1920x1080 같은 형식이어야 합니다</translation>
    </message>
    <message>
        <source>--step needs a number</source>
        <translation>--step에는 숫자가 필요합니다</translation>
    </message>
    <message>
        <source>unknown event kind &quot;%1&quot; for --run-to</source>
        <translation>--run-to에 알 수 없는 이벤트 종류 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>no %1 event before the end of the scenario</source>
        <translation>시나리오가 끝날 때까지 %1 이벤트가 없습니다</translation>
    </message>
    <message>
        <source>Language of the window and the narration: en or ko (for this run; View &gt; Language stores a choice).</source>
        <translation>창과 해설의 언어: en 또는 ko (이번 실행에만 적용; 보기 &gt; 언어에서 고른 값은 저장됩니다).</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>Chart tab to show: faults, memory, tlb, rss or workingset.</source>
        <translation>표시할 차트 탭: faults, memory, tlb, rss, workingset 중 하나.</translation>
    </message>
    <message>
        <source>unknown chart &quot;%1&quot; (faults, memory, tlb, rss or workingset)</source>
        <translation>알 수 없는 차트 &quot;%1&quot; (faults, memory, tlb, rss, workingset 중 하나)</translation>
    </message>
    <message>
        <source>Scenario file to open (what the desktop passes for a double-click on a .pfviz.json file); the same as --scenario FILE.</source>
        <translation>열 시나리오 파일 (.pfviz.json 파일을 두 번 누르면 데스크톱이 넘겨주는 것). --scenario FILE과 같습니다.</translation>
    </message>
    <message>
        <source>give one scenario file, not %1</source>
        <translation>시나리오 파일은 하나만 주십시오 (%1개가 주어졌습니다)</translation>
    </message>
    <message>
        <source>give a scenario file or --scenario, not both</source>
        <translation>시나리오 파일과 --scenario 중 하나만 주십시오</translation>
    </message>
</context>
<context>
    <name>pfviz::ui</name>
    <message>
        <source>Page faults per simulated second</source>
        <translation>시뮬레이션 1초당 페이지 폴트</translation>
    </message>
    <message>
        <source>Physical memory</source>
        <translation>물리 메모리</translation>
    </message>
    <message>
        <source>TLB hit rate</source>
        <translation>TLB 적중률</translation>
    </message>
    <message>
        <source>Resident set size per process</source>
        <translation>프로세스별 상주 집합 크기(RSS)</translation>
    </message>
    <message>
        <source>Working set</source>
        <translation>워킹 셋</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>마이너</translation>
    </message>
    <message>
        <source>major</source>
        <translation>메이저</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>잘못된 접근</translation>
    </message>
    <message>
        <source>CoW copy</source>
        <translation>CoW 복사</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>익명</translation>
    </message>
    <message>
        <source>page tables</source>
        <translation>페이지 테이블</translation>
    </message>
    <message>
        <source>free</source>
        <translation>빈 프레임</translation>
    </message>
    <message>
        <source>TLB misses / s</source>
        <translation>TLB 미스 / 초</translation>
    </message>
    <message>
        <source>Σ RSS (all processes)</source>
        <translation>Σ RSS (모든 프로세스)</translation>
    </message>
    <message>
        <source>pfviz chart</source>
        <translation>pfviz 차트</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>size must be between 16x16 and 16384x16384 pixels</source>
        <translation>크기는 16x16에서 16384x16384 픽셀 사이여야 합니다</translation>
    </message>
    <message>
        <source>dpi must be between 10 and 2400</source>
        <translation>dpi는 10에서 2400 사이여야 합니다</translation>
    </message>
    <message>
        <source>unknown chart format &apos;%1&apos; (png, svg or pdf)</source>
        <translation>알 수 없는 차트 형식 &apos;%1&apos; (png, svg, pdf 중 하나)</translation>
    </message>
    <message>
        <source>page cache (file)</source>
        <translation>페이지 캐시 (파일)</translation>
    </message>
    <message>
        <source>zram</source>
        <translation>zram</translation>
    </message>
    <message>
        <source>swap used</source>
        <translation>사용 중인 스왑</translation>
    </message>
    <message>
        <source>PSI some avg10</source>
        <translation>PSI some avg10</translation>
    </message>
    <message>
        <source>PSI full avg10</source>
        <translation>PSI full avg10</translation>
    </message>
    <message>
        <source>high</source>
        <translation>high</translation>
    </message>
    <message>
        <source>low</source>
        <translation>low</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>pressure level</source>
        <translation>압박 수준</translation>
    </message>
</context>
<context>
    <name>pfviz::ui::ChartData</name>
    <message>
        <source>pid %1 RSS</source>
        <translation>pid %1 RSS</translation>
    </message>
    <message>
        <source>pid %1 swap</source>
        <translation>pid %1 스왑</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
</context>
<context>
    <name>pfviz::ui::ChartView</name>
    <message>
        <source>simulated time (µs)</source>
        <translation>시뮬레이션 시간 (µs)</translation>
    </message>
    <message>
        <source>faults / simulated s</source>
        <translation>초당 폴트</translation>
    </message>
    <message>
        <source>hit rate (%)</source>
        <translation>적중률 (%)</translation>
    </message>
    <message>
        <source>resident pages</source>
        <translation>상주 페이지</translation>
    </message>
    <message>
        <source>pages</source>
        <translation>페이지</translation>
    </message>
    <message>
        <source>TLB misses / simulated s</source>
        <translation>초당 TLB 미스</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>차트 내보내기…</translation>
    </message>
    <message>
        <source>Copy chart to clipboard</source>
        <translation>차트를 클립보드에 복사</translation>
    </message>
    <message>
        <source>Export data as CSV…</source>
        <translation>데이터를 CSV로 내보내기…</translation>
    </message>
    <message>
        <source>Export data as JSON…</source>
        <translation>데이터를 JSON으로 내보내기…</translation>
    </message>
    <message>
        <source>Logarithmic axis</source>
        <translation>로그 축</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>테마</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>화면</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어두운 테마</translation>
    </message>
    <message>
        <source>Slide</source>
        <translation>슬라이드</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>확대/축소 초기화</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1 파일 (*.%2)</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>차트 내보내기</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>데이터 내보내기</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>caution</source>
        <translation>주의</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>danger</source>
        <translation>위험</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>심각</translation>
    </message>
    <message>
        <source>faults/s (log)</source>
        <translation>폴트/초 (로그)</translation>
    </message>
    <message>
        <source>distinct pages W(t, τ)</source>
        <translation>서로 다른 페이지 W(t, τ)</translation>
    </message>
    <message>
        <source>PSI avg10 (%)</source>
        <translation>PSI avg10 (%)</translation>
    </message>
    <message>
        <source>Working set W(t, τ = %1 references)</source>
        <translation>워킹 셋 W(t, τ = 참조 %1개)</translation>
    </message>
    <message>
        <source>Window τ (references)</source>
        <translation>창 τ (참조 수)</translation>
    </message>
    <message>
        <source>simulated time (s)</source>
        <translation>시뮬레이션 시간 (s)</translation>
    </message>
    <message>
        <source>simulated time (ms)</source>
        <translation>시뮬레이션 시간 (ms)</translation>
    </message>
</context>
<context>
    <name>pfviz::ui::ChartsPanel</name>
    <message>
        <source>Faults</source>
        <translation>폴트</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <source>TLB</source>
        <translation>TLB</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <source>no simulation to export</source>
        <translation>내보낼 시뮬레이션이 없습니다</translation>
    </message>
    <message>
        <source>Working set</source>
        <translation>워킹 셋</translation>
    </message>
</context>
<context>
    <name>pfviz::ui::EventLogModel</name>
    <message>
        <source>Step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>이벤트</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>일어난 일</translation>
    </message>
</context>
<context>
    <name>pfviz::ui::ExportDialog</name>
    <message>
        <source>Export chart</source>
        <translation>차트 내보내기</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 이미지</translation>
    </message>
    <message>
        <source>SVG (vector)</source>
        <translation>SVG (벡터)</translation>
    </message>
    <message>
        <source>PDF (vector)</source>
        <translation>PDF (벡터)</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>형식:</translation>
    </message>
    <message>
        <source>Size (pixels):</source>
        <translation>크기 (픽셀):</translation>
    </message>
    <message>
        <source>DPI:</source>
        <translation>DPI:</translation>
    </message>
    <message>
        <source>Slide (white, large, colour-blind safe)</source>
        <translation>슬라이드 (흰 바탕, 큰 글씨, 색각 이상 친화)</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>화면</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어두운 테마</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>테마:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>제목:</translation>
    </message>
    <message>
        <source>optional, drawn under the chart</source>
        <translation>선택 사항, 차트 아래에 표시</translation>
    </message>
    <message>
        <source>Caption:</source>
        <translation>설명:</translation>
    </message>
</context>
<context>
    <name>pfviz::ui::FlowView</name>
    <message>
        <source>Step 0 of %1: press → or Space to start.</source>
        <translation>0/%1단계: → 또는 Space를 눌러 시작하세요.</translation>
    </message>
    <message>
        <source>new zeroed frame</source>
        <translation>0으로 채운 새 프레임</translation>
    </message>
    <message>
        <source>zero page mapped</source>
        <translation>제로 페이지 매핑됨</translation>
    </message>
    <message>
        <source>zero page replaced</source>
        <translation>제로 페이지 교체됨</translation>
    </message>
    <message>
        <source>page copied</source>
        <translation>페이지 복사됨</translation>
    </message>
    <message>
        <source>page reused in place</source>
        <translation>페이지를 그 자리에서 재사용</translation>
    </message>
    <message>
        <source>spurious</source>
        <translation>가짜 폴트(spurious)</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>%1단계: %2</translation>
    </message>
    <message>
        <source>Step %1 · outcome: %2</source>
        <translation>%1단계 · 결과: %2</translation>
    </message>
    <message>
        <source>Step %1 · outcome: %2 (%3)</source>
        <translation>%1단계 · 결과: %2 (%3)</translation>
    </message>
    <message>
        <source>file page read from disk</source>
        <translation>디스크에서 파일 페이지 읽음</translation>
    </message>
    <message>
        <source>page-cache hit</source>
        <translation>페이지 캐시 적중</translation>
    </message>
    <message>
        <source>private copy of a file page</source>
        <translation>파일 페이지의 전용 복사본</translation>
    </message>
    <message>
        <source>write-notify</source>
        <translation>쓰기 알림</translation>
    </message>
</context>
<context>
    <name>pfviz::ui::MainWindow</name>
    <message>
        <source>slow motion (2 s per event)</source>
        <translation>슬로 모션 (이벤트당 2초)</translation>
    </message>
    <message>
        <source>slow (0.7 s per event)</source>
        <translation>느리게 (이벤트당 0.7초)</translation>
    </message>
    <message>
        <source>normal (animated)</source>
        <translation>보통 (애니메이션)</translation>
    </message>
    <message>
        <source>fast (8 steps/s)</source>
        <translation>빠르게 (초당 8단계)</translation>
    </message>
    <message>
        <source>faster (60 steps/s)</source>
        <translation>더 빠르게 (초당 60단계)</translation>
    </message>
    <message>
        <source>full speed</source>
        <translation>최고 속도</translation>
    </message>
    <message>
        <source>pfviz — page faults, step by step</source>
        <translation>pfviz — 페이지 폴트를 한 단계씩</translation>
    </message>
    <message>
        <source>Cannot open the scenario</source>
        <translation>시나리오를 열 수 없습니다</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>pfviz — %1</source>
        <translation>pfviz — %1</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>step %1 of %2 (Space stops)</source>
        <translation>%1/%2단계 (Space로 멈춤)</translation>
    </message>
    <message>
        <source>Step forward</source>
        <translation>한 단계 앞으로</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>한 단계 뒤로</translation>
    </message>
    <message>
        <source>Next event in this step</source>
        <translation>이 단계의 다음 이벤트</translation>
    </message>
    <message>
        <source>Previous event in this step</source>
        <translation>이 단계의 이전 이벤트</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>처음부터</translation>
    </message>
    <message>
        <source>Run to next break</source>
        <translation>다음 중단점까지 실행</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>느리게</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>빠르게</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>재생 제어</translation>
    </message>
    <message>
        <source>Speed and timeline</source>
        <translation>속도와 타임라인</translation>
    </message>
    <message>
        <source>Playback speed ([ slower, ] faster)</source>
        <translation>재생 속도 ([ 느리게, ] 빠르게)</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>속도:</translation>
    </message>
    <message>
        <source>Timeline: drag to any step</source>
        <translation>타임라인: 끌어서 원하는 단계로 이동</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>시나리오</translation>
    </message>
    <message>
        <source>Page tables</source>
        <translation>페이지 테이블</translation>
    </message>
    <message>
        <source>Physical memory</source>
        <translation>물리 메모리</translation>
    </message>
    <message>
        <source>TLB</source>
        <translation>TLB</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>all events</source>
        <translation>모든 이벤트</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>보기:</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>이벤트 기록</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open scenario…</source>
        <translation>시나리오 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Export chart…</source>
        <translation>차트 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Export series as &amp;CSV…</source>
        <translation>시계열을 CSV로 내보내기(&amp;C)…</translation>
    </message>
    <message>
        <source>Export series as &amp;JSON…</source>
        <translation>시계열을 JSON으로 내보내기(&amp;J)…</translation>
    </message>
    <message>
        <source>Cop&amp;y chart</source>
        <translation>차트 복사(&amp;Y)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation>시뮬레이션(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Break on</source>
        <translation>중단 조건(&amp;B)</translation>
    </message>
    <message>
        <source>Minor fault</source>
        <translation>마이너 폴트</translation>
    </message>
    <message>
        <source>Major fault</source>
        <translation>메이저 폴트</translation>
    </message>
    <message>
        <source>Invalid access (SIGSEGV)</source>
        <translation>잘못된 접근 (SIGSEGV)</translation>
    </message>
    <message>
        <source>CoW copy</source>
        <translation>CoW 복사</translation>
    </message>
    <message>
        <source>Swap-out</source>
        <translation>스왑 아웃</translation>
    </message>
    <message>
        <source>kswapd wake-up</source>
        <translation>kswapd 깨어남</translation>
    </message>
    <message>
        <source>OOM kill</source>
        <translation>OOM 킬</translation>
    </message>
    <message>
        <source>Watermark crossing</source>
        <translation>워터마크 통과</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>체크포인트</translation>
    </message>
    <message>
        <source>the engine reports the low and high watermarks as kswapd waking and sleeping; use kswapd wake-up</source>
        <translation>엔진은 low/high 워터마크 통과를 kswapd가 깨어나고 잠드는 것으로 보고합니다. kswapd 깨어남을 사용하세요</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Presenter mode</source>
        <translation>발표자 모드(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Blank screen</source>
        <translation>화면 가리기(&amp;B)</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>시나리오 열기</translation>
    </message>
    <message>
        <source>pfviz scenarios (*.json);;All files (*)</source>
        <translation>pfviz 시나리오 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Follow the current access</source>
        <translation>현재 접근 따라가기</translation>
    </message>
    <message>
        <source>all processes</source>
        <translation>모든 프로세스</translation>
    </message>
    <message>
        <source>No scenario loaded</source>
        <translation>불러온 시나리오가 없습니다</translation>
    </message>
    <message>
        <source>Step %1 / %2   ·   time %3   ·   minor faults %4   ·   major %5   ·   invalid %6   ·   CoW copy %7 / reuse %8   ·   TLB hits %9 / misses %10</source>
        <translation>단계 %1 / %2   ·   시간 %3   ·   마이너 폴트 %4   ·   메이저 %5   ·   잘못된 접근 %6   ·   CoW 복사 %7 / 재사용 %8   ·   TLB 적중 %9 / 미스 %10</translation>
    </message>
    <message>
        <source>step %1 / %2</source>
        <translation>단계 %1 / %2</translation>
    </message>
    <message>
        <source>%1 changed on disk but cannot be loaded; the previous version stays:
%2</source>
        <translation>%1 파일이 디스크에서 바뀌었지만 불러올 수 없습니다. 이전 버전을 그대로 둡니다:
%2</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Tour of the scenarios…</source>
        <translation>시나리오 둘러보기(&amp;T)…</translation>
    </message>
    <message>
        <source>The translation for %1 is missing from this build.</source>
        <translation>이 빌드에는 %1 번역이 없습니다.</translation>
    </message>
    <message>
        <source>%1 changed on disk and was reloaded.</source>
        <translation>%1 파일이 디스크에서 바뀌어 다시 불러왔습니다.</translation>
    </message>
    <message>
        <source>&amp;About pfviz</source>
        <translation>pfviz 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;pfviz %1&lt;/h3&gt;&lt;p&gt;An interactive visualizer of page faults for operating-systems courses.&lt;/p&gt;&lt;p&gt;The simulated machine follows the rules of Linux %2, checked against measurements on Linux %3. Where pfviz simplifies, it says so.&lt;/p&gt;&lt;p&gt;Licence: MIT (the full text is under &lt;i&gt;Show Details&lt;/i&gt;).&lt;br&gt;Built with Qt %4, running on Qt %5.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;pfviz %1&lt;/h3&gt;&lt;p&gt;운영체제 수업을 위한 대화형 페이지 폴트 시각화 도구입니다.&lt;/p&gt;&lt;p&gt;시뮬레이션하는 기계는 리눅스 %2의 규칙을 따르며, 리눅스 %3에서 잰 값과 맞춰 보았습니다. pfviz가 단순화한 곳은 그렇다고 밝힙니다.&lt;/p&gt;&lt;p&gt;라이선스: MIT (전문은 자세한 내용 단추 아래에 있습니다).&lt;br&gt;Qt %4로 빌드했고, Qt %5에서 실행 중입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About pfviz</source>
        <translation>pfviz 정보</translation>
    </message>
</context>
<context>
    <name>pfviz::ui::MemoryMapWidget</name>
    <message>
        <source>free</source>
        <translation>빈 프레임</translation>
    </message>
    <message>
        <source>zero page</source>
        <translation>제로 페이지</translation>
    </message>
    <message>
        <source>page table</source>
        <translation>페이지 테이블</translation>
    </message>
    <message>
        <source>private (colour = owner)</source>
        <translation>전용 (색 = 소유자)</translation>
    </message>
    <message>
        <source>shared CoW (×sharers)</source>
        <translation>공유 CoW (×공유 수)</translation>
    </message>
    <message>
        <source>the shared zero page</source>
        <translation>공유 제로 페이지</translation>
    </message>
    <message>
        <source>page table, level %1</source>
        <translation>페이지 테이블, 레벨 %1</translation>
    </message>
    <message>
        <source>anonymous memory</source>
        <translation>익명 메모리</translation>
    </message>
    <message>
        <source>zram: compressed swapped-out pages</source>
        <translation>zram: 스왑 아웃되어 압축된 페이지</translation>
    </message>
    <message>
        <source>Frame %1: %2</source>
        <translation>프레임 %1: %2</translation>
    </message>
    <message>
        <source>Allocated for %1</source>
        <translation>%1을(를) 위해 할당됨</translation>
    </message>
    <message numerus="yes">
        <source>Mapped by %n page(s)</source>
        <translation>
            <numerusform>페이지 %n개가 매핑함</numerusform>
        </translation>
    </message>
    <message>
        <source>  %1 at %2</source>
        <translation>  %2의 %1</translation>
    </message>
    <message>
        <source>(this cell aggregates %1 frames starting here)</source>
        <translation>(이 칸은 여기서 시작하는 프레임 %1개를 묶어 보여 줍니다)</translation>
    </message>
    <message>
        <source>%1 frames, %2 per cell (Ctrl+wheel to zoom)</source>
        <translation>프레임 %1개, 칸당 %2개 (Ctrl+휠로 확대/축소)</translation>
    </message>
    <message>
        <source>  %1 at %2 (huge page)</source>
        <translation>  %1의 %2 (huge page)</translation>
    </message>
    <message>
        <source>page cache (file)</source>
        <translation>페이지 캐시 (파일)</translation>
    </message>
    <message>
        <source>page cache: page %1 of %2%3</source>
        <translation>페이지 캐시: %2의 %1번 페이지%3</translation>
    </message>
    <message>
        <source> (dirty)</source>
        <translation> (dirty)</translation>
    </message>
    <message>
        <source>page cache</source>
        <translation>페이지 캐시</translation>
    </message>
</context>
<context>
    <name>pfviz::ui::PageTableModel</name>
    <message>
        <source>Region</source>
        <translation>영역</translation>
    </message>
    <message>
        <source>Virtual page</source>
        <translation>가상 페이지</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>프레임</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>W</source>
        <translation>W</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>공유</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>스왑</translation>
    </message>
    <message>
        <source>The current access is on this page.</source>
        <translation>현재 접근이 이 페이지에서 일어납니다.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>not present</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>zero page (read-only)</source>
        <translation>제로 페이지 (읽기 전용)</translation>
    </message>
    <message numerus="yes">
        <source>CoW, %n sharers</source>
        <translation>
            <numerusform>CoW, 공유 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>CoW, last sharer (reuse on write)</source>
        <translation>CoW, 마지막 공유자 (쓰면 재사용)</translation>
    </message>
    <message>
        <source>copied</source>
        <translation>복사됨</translation>
    </message>
    <message>
        <source>reused in place</source>
        <translation>그 자리에서 재사용</translation>
    </message>
    <message numerus="yes">
        <source>shared, %n sharers</source>
        <translation>
            <numerusform>공유, %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>private</source>
        <translation>전용</translation>
    </message>
    <message>
        <source>huge zero page (read-only)</source>
        <translation>거대 제로 페이지 (읽기 전용)</translation>
    </message>
    <message numerus="yes">
        <source>2 MiB huge page, %n sharers</source>
        <translation>
            <numerusform>2 MiB huge page, 공유 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>2 MiB huge page</source>
        <translation>2 MiB huge page</translation>
    </message>
</context>
<context>
    <name>pfviz::ui::ProcessModel</name>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>RSS pages</source>
        <translation>RSS 페이지</translation>
    </message>
    <message>
        <source>Page tables</source>
        <translation>페이지 테이블</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>마이너</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>메이저</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>잘못된 접근</translation>
    </message>
    <message>
        <source>CoW copy/reuse</source>
        <translation>CoW 복사/재사용</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>시그널</translation>
    </message>
    <message>
        <source>oom_score</source>
        <translation>oom_score</translation>
    </message>
    <message>
        <source>running (on CPU)</source>
        <translation>실행 중 (CPU 사용)</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>종료함</translation>
    </message>
    <message>
        <source>killed</source>
        <translation>강제 종료됨</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>SIGSEGV (MAPERR)</source>
        <translation>SIGSEGV (MAPERR)</translation>
    </message>
    <message>
        <source>SIGSEGV (ACCERR)</source>
        <translation>SIGSEGV (ACCERR)</translation>
    </message>
    <message>
        <source>SIGKILL</source>
        <translation>SIGKILL</translation>
    </message>
    <message>
        <source>SIGBUS</source>
        <translation>SIGBUS</translation>
    </message>
    <message>
        <source>PSS pages</source>
        <translation>PSS 페이지</translation>
    </message>
    <message>
        <source>Swap pages</source>
        <translation>스왑 페이지</translation>
    </message>
</context>
<context>
    <name>pfviz::ui::SimulationController</name>
    <message>
        <source>There is no built-in scenario named &quot;%1&quot;.</source>
        <translation>&quot;%1&quot;(이)라는 내장 시나리오가 없습니다.</translation>
    </message>
</context>
<context>
    <name>pfviz::ui::Theme</name>
    <message>
        <source>TLB hit</source>
        <translation>TLB 적중</translation>
    </message>
    <message>
        <source>TLB miss, page walk</source>
        <translation>TLB 미스, 페이지 워크</translation>
    </message>
    <message>
        <source>minor fault</source>
        <translation>마이너 폴트</translation>
    </message>
    <message>
        <source>major fault</source>
        <translation>메이저 폴트</translation>
    </message>
    <message>
        <source>copy-on-write fault</source>
        <translation>쓰기 시 복사(CoW) 폴트</translation>
    </message>
    <message>
        <source>SIGSEGV: invalid access</source>
        <translation>SIGSEGV: 잘못된 접근</translation>
    </message>
    <message>
        <source>system call</source>
        <translation>시스템 콜</translation>
    </message>
</context>
<context>
    <name>pfviz::ui::Threshold</name>
    <message>
        <source>minor: good ≤ 1000/s</source>
        <translation>마이너: 양호 ≤ 1000/s</translation>
    </message>
    <message>
        <source>minor: bad ≥ 5000/s</source>
        <translation>마이너: 나쁨 ≥ 5000/s</translation>
    </message>
    <message>
        <source>major: good ≤ 10/s</source>
        <translation>메이저: 양호 ≤ 10/s</translation>
    </message>
    <message>
        <source>major: bad ≥ 100/s</source>
        <translation>메이저: 나쁨 ≥ 100/s</translation>
    </message>
</context>
<context>
    <name>pfviz::ui::TlbModel</name>
    <message>
        <source>Set</source>
        <translation>세트</translation>
    </message>
    <message>
        <source>Way</source>
        <translation>웨이</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>유효</translation>
    </message>
    <message>
        <source>ASID</source>
        <translation>ASID</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>Virtual page</source>
        <translation>가상 페이지</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>프레임</translation>
    </message>
    <message>
        <source>W</source>
        <translation>W</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>LRU</source>
        <translation>LRU</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>지금</translation>
    </message>
    <message>
        <source>hit</source>
        <translation>적중</translation>
    </message>
    <message>
        <source>fill</source>
        <translation>채움</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>(stale)</source>
        <translation>(오래됨)</translation>
    </message>
    <message>
        <source>%1 (2 MiB)</source>
        <translation>%1 (2 MiB)</translation>
    </message>
</context>
<context>
    <name>pfviz::ui::TourDialog</name>
    <message>
        <source>Tour of the scenarios</source>
        <translation>시나리오 둘러보기</translation>
    </message>
    <message>
        <source>From the first page fault to the OOM killer: one scenario per idea, in this order. Pick an entry and open its scenario; step with → and read the narration aloud.</source>
        <translation>첫 페이지 폴트부터 OOM 킬러까지, 개념 하나에 시나리오 하나씩 이 순서로 살펴봅니다. 항목을 골라 시나리오를 열고, →로 한 단계씩 진행하며 해설을 소리 내어 읽어 보세요.</translation>
    </message>
    <message>
        <source>Open this scenario</source>
        <translation>이 시나리오 열기</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
</context>
</TS>
