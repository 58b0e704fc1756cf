#include "ui/PageTableModel.h"

#include <algorithm>

#include <QBrush>
#include <QFont>

#include "ui/EventText.h"
#include "ui/Theme.h"

namespace pfviz::ui {

PageTableModel::PageTableModel(const SimulationController& ctl, QObject* parent)
    : QAbstractTableModel(parent), m_ctl(ctl) {
    connect(&ctl, &SimulationController::simulationChanged, this,
            &PageTableModel::onSimulationChanged);
}

void PageTableModel::setPid(pfviz::Pid pid) {
    m_pid = pid;
    onSimulationChanged(Change::Reset);
}

pfviz::Pid PageTableModel::followPid() const {
    if (m_pid.valid()) return m_pid;
    const auto* sim = m_ctl.sim();
    if (!sim) return {};
    for (const auto& e : sim->lastEvents())
        if (e.pid.valid() && sim->machine().process(e.pid)) return e.pid;
    if (m_shown.valid()) return m_shown;
    if (!sim->machine().processes.empty()) return sim->machine().processes.front().pid;
    return {};
}

std::vector<PageTableModel::Span> PageTableModel::layout(pfviz::Pid pid) const {
    std::vector<Span> spans;
    const auto* sim = m_ctl.sim();
    if (!sim) return spans;
    const auto* p = sim->machine().process(pid);
    if (!p) return spans;
    const unsigned pb = sim->machine().geometry().pageBits;
    std::uint64_t row = 0;
    for (std::size_t i = 0; i < p->vmas.size() && row < kMaxRows; ++i) {
        const auto& v = p->vmas[i];
        const std::uint64_t pages = std::min((v.end - v.start) >> pb, kMaxRows - row);
        spans.push_back(Span{v.start, pages, row, i});
        row += pages;
    }
    return spans;
}

void PageTableModel::onSimulationChanged(Change change) {
    const pfviz::Pid pid = followPid();
    auto spans = layout(pid);
    if (change == Change::Reset || pid != m_shown || spans != m_spans) {
        beginResetModel();
        m_shown = pid;
        m_spans = std::move(spans);
        m_rows = m_spans.empty() ? 0 : m_spans.back().firstRow + m_spans.back().pages;
        endResetModel();
        updateCurrent();
        return;
    }
    const int before = m_currentRow;
    updateCurrent();
    if (m_rows == 0) return;
    if (change == Change::Step) {
        // Only the rows this step touched change.
        const auto* sim = m_ctl.sim();
        std::vector<int> rows;
        for (const auto& e : sim->lastEvents())
            if (e.pid == m_shown && e.va != 0) rows.push_back(rowOf(e.va));
        if (before >= 0) rows.push_back(before);
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        for (int r : rows)
            if (r >= 0) emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
        // A fork or an exit changes sharer counts everywhere: refresh the whole column.
        for (const auto& e : sim->lastEvents())
            if (e.kind == pfviz::EventKind::Fork || e.kind == pfviz::EventKind::Exit ||
                e.kind == pfviz::EventKind::CowCopy || e.kind == pfviz::EventKind::CowReuse) {
                emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
                break;
            }
        return;
    }
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void PageTableModel::updateCurrent() {
    int row = -1;
    if (const auto* sim = m_ctl.sim()) {
        for (const auto& e : sim->lastEvents())
            if (e.kind == pfviz::EventKind::AccessStart && e.pid == m_shown) row = rowOf(e.va);
    }
    if (row != m_currentRow) {
        m_currentRow = row;
        emit currentRowChanged(row);
    }
}

int PageTableModel::rowOf(pfviz::VirtAddr va) const {
    const auto* sim = m_ctl.sim();
    if (!sim) return -1;
    const unsigned pb = sim->machine().geometry().pageBits;
    for (const auto& s : m_spans) {
        if (va >= s.start && ((va - s.start) >> pb) < s.pages)
            return int(s.firstRow + ((va - s.start) >> pb));
    }
    return -1;
}

pfviz::VirtAddr PageTableModel::vaOfRow(int row, const Span** span) const {
    const auto it = std::upper_bound(m_spans.begin(), m_spans.end(), std::uint64_t(row),
                                     [](std::uint64_t r, const Span& s) { return r < s.firstRow; });
    const Span& s = *(it - 1);
    *span = &s;
    return s.start +
           ((std::uint64_t(row) - s.firstRow) << m_ctl.sim()->machine().geometry().pageBits);
}

int PageTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows);
}

int PageTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PageTableModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case RegionCol:
            return tr("Region");
        case PageCol:
            return tr("Virtual page");
        case FrameCol:
            return tr("Frame");
        case PresentCol:
            return tr("P");
        case WritableCol:
            return tr("W");
        case DirtyCol:
            return tr("D");
        case AccessedCol:
            return tr("A");
        case SharingCol:
            return tr("Sharing");
        case SwapCol:
            return tr("Swap");
        default:
            return {};
    }
}

QVariant PageTableModel::data(const QModelIndex& idx, int role) const {
    if (!idx.isValid() || idx.row() >= int(m_rows)) return {};
    const auto guard = m_ctl.readGuard();
    const auto* sim = m_ctl.sim();
    if (!guard.owns_lock() || !sim) return {};
    const auto& m = sim->machine();
    const auto* p = m.process(m_shown);
    if (!p) return {};
    const Span* span = nullptr;
    const pfviz::VirtAddr va = vaOfRow(idx.row(), &span);
    const bool current = idx.row() == m_currentRow;
    if (role == Qt::BackgroundRole && current) return QBrush(okabe::Yellow.lighter(130));
    if (role == Qt::FontRole && current) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::ToolTipRole && current) return tr("The current access is on this page.");
    if (role != Qt::DisplayRole) return {};
    if (span->vma >= p->vmas.size()) return {};
    const auto& vma = p->vmas[span->vma];
    const pfviz::Pte* pte = m.leafPte(*p, va);
    const bool mapped = pte && pte->mapped();
    // A huge PMD covers this page: its frame is the huge page's first frame plus the offset.
    const std::uint64_t inHuge = pte && pte->huge() && !pte->has(pfviz::pte::ZeroPage)
                                     ? m.vpnOf(va).value % std::max<std::uint64_t>(1, m.hugePages())
                                     : 0;
    const auto yes = [](bool b) { return b ? QStringLiteral("●") : QString(); };
    switch (idx.column()) {
        case RegionCol: {
            QString prot = QStringLiteral("%1%2%3%4")
                               .arg(vma.prot.read ? 'r' : '-')
                               .arg(vma.prot.write ? 'w' : '-')
                               .arg(vma.prot.exec ? 'x' : '-')
                               .arg(vma.shared ? 's' : 'p');
            return tr("%1 %2").arg(QString::fromStdString(vma.name.empty() ? "anon" : vma.name),
                                   prot);
        }
        case PageCol:
            return EventText::hex(va);
        case FrameCol:
            return mapped ? QVariant(qulonglong(pte->target + inHuge))
                          : QVariant(QStringLiteral("—"));
        case PresentCol:
            return yes(pte && pte->present());
        case WritableCol:
            return yes(pte && pte->writable());
        case DirtyCol:
            return yes(pte && pte->has(pfviz::pte::Dirty));
        case AccessedCol:
            return yes(pte && pte->has(pfviz::pte::Accessed));
        case SharingCol: {
            if (!mapped) return tr("not present");
            if (pte->huge() && pte->has(pfviz::pte::ZeroPage))
                return tr("huge zero page (read-only)");
            if (pte->has(pfviz::pte::ZeroPage)) return tr("zero page (read-only)");
            const auto& frame = m.memory.frame(pfviz::Pfn{pte->target + inHuge});
            if (pte->huge())
                return frame.mapcount >= 2
                           ? tr("2 MiB huge page, %n sharers", nullptr, int(frame.mapcount))
                           : tr("2 MiB huge page");
            const bool cowCandidate = vma.prot.write && !vma.shared && !pte->writable();
            if (cowCandidate && frame.use == pfviz::FrameUse::Anon)
                return frame.mapcount >= 2 ? tr("CoW, %n sharers", nullptr, int(frame.mapcount))
                                           : tr("CoW, last sharer (reuse on write)");
            if (const auto h = m_ctl.cowHistory(m_shown, m.vpnOf(va))) {
                if (*h == pfviz::EventKind::CowCopy) return tr("copied");
                return tr("reused in place");
            }
            if (frame.mapcount >= 2) return tr("shared, %n sharers", nullptr, int(frame.mapcount));
            return tr("private");
        }
        case SwapCol:
            return QStringLiteral("—");
        default:
            return {};
    }
}

}  // namespace pfviz::ui
