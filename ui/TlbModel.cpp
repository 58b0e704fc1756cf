#include "ui/TlbModel.h"

#include <QBrush>

#include "ui/EventText.h"
#include "ui/Theme.h"

namespace pfviz::ui {

TlbModel::TlbModel(const SimulationController& ctl, QObject* parent)
    : QAbstractTableModel(parent), m_ctl(ctl) {
    connect(&ctl, &SimulationController::simulationChanged, this, &TlbModel::onSimulationChanged);
}

void TlbModel::onSimulationChanged(Change change) {
    const int rows = m_ctl.sim() ? int(m_ctl.sim()->machine().tlb.entries().size()) : 0;
    if (change == Change::Reset || rows != m_rows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    // 64 rows or so: cheaper to refresh them all than to work out which ones changed.
    if (m_rows > 0) emit dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
}

int TlbModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_rows;
}
int TlbModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TlbModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case SetCol:
            return tr("Set");
        case WayCol:
            return tr("Way");
        case ValidCol:
            return tr("Valid");
        case AsidCol:
            return tr("ASID");
        case PidCol:
            return tr("Process");
        case PageCol:
            return tr("Virtual page");
        case FrameCol:
            return tr("Frame");
        case WCol:
            return tr("W");
        case XCol:
            return tr("X");
        case LruCol:
            return tr("LRU");
        case NowCol:
            return tr("Now");
        default:
            return {};
    }
}

QVariant TlbModel::data(const QModelIndex& idx, int role) const {
    if (!idx.isValid() || idx.row() >= m_rows) return {};
    const auto guard = m_ctl.readGuard();
    const auto* sim = m_ctl.sim();
    if (!guard.owns_lock() || !sim) return {};
    const auto& m = sim->machine();
    const auto& tlb = m.tlb;
    const auto& entries = tlb.entries();
    if (std::size_t(idx.row()) >= entries.size()) return {};
    const auto& e = entries[std::size_t(idx.row())];
    const std::uint32_t ways = std::max<std::uint32_t>(1, tlb.config().ways);
    const std::uint32_t set = std::uint32_t(idx.row()) / ways;
    const std::uint32_t way = std::uint32_t(idx.row()) % ways;
    // What happened to this entry in the current step.
    QString now;
    for (const auto& ev : sim->lastEvents()) {
        if (ev.index != std::uint32_t(idx.row())) continue;
        if (ev.kind == pfviz::EventKind::TlbHit) now = tr("hit");
        if (ev.kind == pfviz::EventKind::TlbFill) now = tr("fill");
    }
    if (role == Qt::BackgroundRole) {
        if (now == tr("hit")) return QBrush(Theme::outcomeColor(Outcome::TlbHit).lighter(160));
        if (now == tr("fill")) return QBrush(okabe::Orange.lighter(150));
        return {};
    }
    if (role != Qt::DisplayRole) return {};
    switch (idx.column()) {
        case SetCol:
            return set;
        case WayCol:
            return way;
        case ValidCol:
            return e.valid ? tr("yes") : tr("no");
        case AsidCol:
            return e.valid ? QVariant(e.asid) : QVariant();
        case PidCol: {
            if (!e.valid) return {};
            for (const auto& p : m.processes)
                if (auto a = tlb.asidOf(p.pid); a && *a == e.asid)
                    return EventText::processName(m, p.pid);
            return tr("(stale)");
        }
        case PageCol:
            // A huge entry is tagged with its 2 MiB page number (H3).
            if (e.valid && e.huge)
                return tr("%1 (2 MiB)")
                    .arg(
                        EventText::hex(e.vpn.value << (m.geometry().pageBits + m.tlb.hugeOrder())));
            return e.valid ? EventText::hex(e.vpn.value << m.geometry().pageBits) : QString();
        case FrameCol:
            return e.valid ? QVariant(qulonglong(e.pfn.value)) : QVariant();
        case WCol:
            return e.valid && e.writable ? QStringLiteral("●") : QString();
        case XCol:
            return e.valid && e.executable ? QStringLiteral("●") : QString();
        case LruCol: {
            if (!e.valid) return {};
            int rank = 0;  // 0 = most recently used in its set
            for (std::uint32_t w = 0; w < ways; ++w) {
                const auto& o = entries[set * ways + w];
                if (o.valid && o.lastUse > e.lastUse) ++rank;
            }
            return rank;
        }
        case NowCol:
            return now;
        default:
            return {};
    }
}

}  // namespace pfviz::ui
