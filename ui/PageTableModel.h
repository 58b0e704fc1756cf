#pragma once
// One row per virtual page of every VMA of one process (style §8: adapts, does not copy). A row
// maps to an address arithmetically, so a 4 GiB mapping costs nothing until its rows are shown;
// data() reads the live PTE from the engine.
#include <QAbstractTableModel>
#include <vector>

#include "pfviz/Types.h"
#include "ui/SimulationController.h"

namespace pfviz::ui {

class PageTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        RegionCol,
        PageCol,
        FrameCol,
        PresentCol,
        WritableCol,
        DirtyCol,
        AccessedCol,
        SharingCol,
        SwapCol,
        ColumnCount
    };
    /// Rows beyond this are not listed (a VMA of terabytes would not fit a table view anyway).
    static constexpr std::uint64_t kMaxRows = std::uint64_t{1} << 24;

    explicit PageTableModel(const SimulationController& ctl, QObject* parent = nullptr);

    /// The process shown; Pid{} follows the process of the current access.
    void setPid(pfviz::Pid pid);
    pfviz::Pid pid() const { return m_pid; }
    pfviz::Pid shownPid() const { return m_shown; }
    /// Row of `va` in the shown process, or -1.
    int rowOf(pfviz::VirtAddr va) const;
    /// Row of the current access, or -1.
    int currentRow() const { return m_currentRow; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

signals:
    void currentRowChanged(int row);

public slots:
    void onSimulationChanged(pfviz::ui::Change change);

private:
    struct Span {
        pfviz::VirtAddr start;
        std::uint64_t pages;
        std::uint64_t firstRow;
        std::size_t vma;
        bool operator==(const Span&) const = default;
    };
    std::vector<Span> layout(pfviz::Pid pid) const;
    pfviz::Pid followPid() const;
    pfviz::VirtAddr vaOfRow(int row, const Span** span) const;
    void updateCurrent();

    const SimulationController& m_ctl;
    pfviz::Pid m_pid{};
    pfviz::Pid m_shown{};
    std::vector<Span> m_spans;
    std::uint64_t m_rows{};
    int m_currentRow{-1};
};

}  // namespace pfviz::ui
