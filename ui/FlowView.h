#pragma once
// The journey of one memory access: CPU -> MMU -> TLB -> page-table walk -> fault handler ->
// frame allocator / zero page (/ swap / disk later) -> back to the CPU. The scene is redrawn from
// a snapshot of the engine state taken on stateChanged; a token walks the events of the current
// step up to the sub-step cursor. Animation only plays what the engine already decided (§7).
#include <QGraphicsView>
#include <QTimer>
#include <QVariantAnimation>
#include <vector>

#include "pfviz/Config.h"
#include "pfviz/Event.h"
#include "pfviz/Tlb.h"
#include "ui/SimulationController.h"
#include "ui/Theme.h"

class QGraphicsEllipseItem;

namespace pfviz::ui {

class FlowDiagramItem;

/// Everything the diagram draws, copied from the engine so painting never touches it.
struct FlowSnapshot {
    bool valid{false};
    std::vector<pfviz::Event> events;  // the current step
    int cursor{-1};                    // events[0..cursor] have been shown
    pfviz::Geometry geometry;
    std::vector<pfviz::TlbEntry> tlb;
    std::vector<std::uint32_t> tlbPid;  // owner of each TLB entry (0: none)
    std::uint32_t tlbWays{1};
    std::uint64_t step{};
    std::uint64_t totalSteps{};
    QString processName;
    bool usedSwap{false};  // some page has gone to swap by the end of this step
    bool usedDisk{false};
    /// The swap devices (swapon), to name a slot's device and show how full swap is.
    struct SwapArea {
        pfviz::SwapKind kind{};
        std::uint32_t first{};
        std::uint32_t pages{};
    };
    std::vector<SwapArea> swapAreas;
    std::uint64_t swapUsed{};       // slots in use after this step
    bool kswapdAwakeBefore{false};  // kswapd's state when this step began
};

class FlowView : public QGraphicsView {
    Q_OBJECT
public:
    enum Block {
        Cpu,
        Mmu,
        Tlb,
        Walk0,
        Walk1,
        Walk2,
        Walk3,
        Walk4,
        Fault,
        Alloc,
        ZeroPage,
        Swap,
        Disk,
        Kswapd,
        Oom,
        BlockCount
    };

    explicit FlowView(const SimulationController& ctl, QWidget* parent = nullptr);

    /// Off for screenshots and tests: the view shows the final state of the cursor at once.
    void setAnimationsEnabled(bool on) { m_animate = on; }
    const FlowSnapshot& snapshot() const { return m_snap; }
    /// The outcome of the shown step and its label (what the path is coloured by).
    Outcome outcome() const;
    QString outcomeText() const;
    /// The block an event is drawn at.
    static Block blockOf(const pfviz::Event& e);

protected:
    void resizeEvent(QResizeEvent* e) override;

private:
    void takeSnapshot();
    void onCursorChanged(int cursor);
    void showUpTo(int index, bool animate);
    void chaseStep();

    const SimulationController& m_ctl;
    QGraphicsScene m_scene;
    FlowDiagramItem* m_diagram{nullptr};
    QGraphicsEllipseItem* m_token{nullptr};
    QVariantAnimation m_move;
    QTimer m_chase;  // after a manual step: walk the hops one by one
    FlowSnapshot m_snap;
    int m_shown{-1};
    int m_target{-1};
    bool m_animate{true};
    Change m_lastChange{Change::Reset};
    friend class FlowDiagramItem;
};

}  // namespace pfviz::ui
