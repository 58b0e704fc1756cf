#include "ui/EventLogModel.h"

#include <QBrush>
#include <QFont>

#include "ui/EventText.h"
#include "ui/Theme.h"

namespace pfviz::ui {

EventLogModel::EventLogModel(const SimulationController& ctl, QObject* parent)
    : QAbstractTableModel(parent), m_ctl(ctl) {
    connect(&ctl, &SimulationController::simulationChanged, this,
            &EventLogModel::onSimulationChanged);
    connect(&ctl, &SimulationController::eventCursorChanged, this, &EventLogModel::onCursorChanged);
}

void EventLogModel::appendStep(const StepRecord& rec) {
    const auto& m = m_ctl.sim()->machine();
    int i = 0;
    for (const auto& e : rec.events)
        m_rows.push_back(Row{e, i++, explainEvent(e, m)});
}

void EventLogModel::onSimulationChanged(Change change) {
    const auto& recent = m_ctl.recentSteps();
    if (change == Change::Step && !recent.empty()) {
        // Drop the steps that fell out of the window, append the new one.
        const std::uint64_t oldest = recent.front().step;
        int drop = 0;
        while (drop < int(m_rows.size()) && m_rows[std::size_t(drop)].event.step < oldest)
            ++drop;
        if (drop > 0) {
            beginRemoveRows({}, 0, drop - 1);
            m_rows.erase(m_rows.begin(), m_rows.begin() + drop);
            endRemoveRows();
        }
        const auto& rec = recent.back();
        if (!rec.events.empty()) {
            const int first = int(m_rows.size());
            beginInsertRows({}, first, first + int(rec.events.size()) - 1);
            appendStep(rec);
            endInsertRows();
        }
        onCursorChanged(m_ctl.eventCursor());
        return;
    }
    beginResetModel();
    m_rows.clear();
    if (m_ctl.sim())
        for (const auto& rec : recent)
            appendStep(rec);
    endResetModel();
    m_cursorRow = -1;
    onCursorChanged(m_ctl.eventCursor());
}

void EventLogModel::onCursorChanged(int cursor) {
    int row = -1;
    if (const auto* sim = m_ctl.sim(); sim && sim->stepIndex() > 0 && cursor >= 0) {
        const std::uint64_t step = sim->stepIndex() - 1;
        for (int r = int(m_rows.size()) - 1; r >= 0; --r) {
            const auto& x = m_rows[std::size_t(r)];
            if (x.event.step == step && x.indexInStep == cursor) {
                row = r;
                break;
            }
            if (x.event.step < step) break;
        }
    }
    if (row == m_cursorRow) return;
    const int old = m_cursorRow;
    m_cursorRow = row;
    if (old >= 0 && old < int(m_rows.size()))
        emit dataChanged(index(old, 0), index(old, ColumnCount - 1));
    if (row >= 0) emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int EventLogModel::cursorRow() const {
    return m_cursorRow;
}

int EventLogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}
int EventLogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case StepCol:
            return tr("Step");
        case TimeCol:
            return tr("Time");
        case PidCol:
            return tr("PID");
        case KindCol:
            return tr("Event");
        case ExplainCol:
            return tr("What happened");
        default:
            return {};
    }
}

QVariant EventLogModel::data(const QModelIndex& idx, int role) const {
    if (!idx.isValid() || idx.row() >= int(m_rows.size())) return {};
    const Row& r = m_rows[std::size_t(idx.row())];
    switch (role) {
        case StepRole:
            return qulonglong(r.event.step);
        case KindRole:
            return int(r.event.kind);
        case PidRole:
            return r.event.pid.value;
        case Qt::BackgroundRole:
            if (idx.row() == m_cursorRow) return QBrush(okabe::Yellow.lighter(130));
            return {};
        case Qt::FontRole:
            if (idx.row() == m_cursorRow) {
                QFont f;
                f.setBold(true);
                return f;
            }
            return {};
        case Qt::ToolTipRole:
            return idx.column() == ExplainCol ? r.text : QVariant();
        case Qt::DisplayRole:
            switch (idx.column()) {
                case StepCol:
                    return qulonglong(r.event.step + 1);
                case TimeCol:
                    return EventText::simTime(r.event.time);
                case PidCol:
                    return r.event.pid.valid() ? QVariant(r.event.pid.value) : QVariant();
                case KindCol:
                    return EventText::label(r.event.kind);
                case ExplainCol:
                    return r.text;
                default:
                    return {};
            }
        default:
            return {};
    }
}

void EventLogFilter::setKind(int kind) {
    m_kind = kind;
    invalidateFilter();
}

void EventLogFilter::setPid(unsigned pid) {
    m_pid = pid;
    invalidateFilter();
}

bool EventLogFilter::filterAcceptsRow(int row, const QModelIndex& parent) const {
    const QModelIndex i = sourceModel()->index(row, 0, parent);
    if (m_kind >= 0 && i.data(EventLogModel::KindRole).toInt() != m_kind) return false;
    if (m_pid != 0 && i.data(EventLogModel::PidRole).toUInt() != m_pid) return false;
    return true;
}

}  // namespace pfviz::ui
