#pragma once
// The Linux two-list (active/inactive) policy, reduced to what a reference string can show.
// It follows the rules of §8 of docs/linux-vm-semantics.md:
//
// - L1: a newly loaded page goes to the head of the inactive list, not referenced.
// - L2 (folio_mark_accessed): a hit on an inactive page that is not referenced sets its
//   referenced flag; a hit on an inactive page that is already referenced moves it to the head of
//   the active list and clears the flag. A hit on an active page changes nothing: the kernel does
//   not reorder the active list on access, and L4 demotes referenced anonymous pages anyway.
// - L4 (aging): before reclaiming, while the inactive list is smaller than the active list, the
//   tail of the active list moves to the head of the inactive list, not referenced. 1:1 is the
//   kernel's target ratio for memories below 1 GiB, which is every memory a lab run models.
// - L3 (reclaim): the victim is taken from the tail of the inactive list. A referenced page
//   there gets a second chance: its flag is cleared and it moves to the head of the inactive list.
//   The first page found at the tail without the flag is evicted.
//
// Simplifications: one referenced flag stands for both PG_referenced and the PTE accessed bit, so
// the tail rule is L3's second-chance bullet (the "activate" bullet needs the two flags apart);
// there is one list pair (no anon/file split, so no swappiness, L5) and reclaim frees exactly one
// page per fault. Every step is deterministic. Each rotation at the tail clears a flag, so one
// reclaim walks the inactive list at most once.
#include <vector>

#include "pfviz/policy/IdLinks.h"
#include "pfviz/policy/ReplacementPolicy.h"

namespace pfviz::policy {

class LinuxTwoListPolicy final : public ReplacementPolicy {
public:
    PolicyKind kind() const override { return PolicyKind::Linux; }
    void reset(const DenseReferences& refs, std::uint32_t frames) override;
    void hit(std::size_t t, std::uint32_t id) override;
    void insert(std::size_t t, std::uint32_t id) override;
    std::uint32_t replace(std::size_t t, std::uint32_t id) override;

    /// Resident pages of each list, head first; for tests and teaching displays.
    std::vector<std::uint32_t> activeList() const { return listed(m_active); }
    std::vector<std::uint32_t> inactiveList() const { return listed(m_inactive); }
    bool referenced(std::uint32_t id) const { return m_referenced[id] != 0; }

private:
    std::vector<std::uint32_t> listed(const IdList& list) const;

    IdLinks m_links;
    IdList m_active;
    IdList m_inactive;
    std::vector<std::uint8_t> m_onActive;    // page id -> 1 if on the active list
    std::vector<std::uint8_t> m_referenced;  // page id -> referenced flag
};

}  // namespace pfviz::policy
