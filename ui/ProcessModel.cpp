// The engine avoids the names Qt defines as macros (emit, signals, slots), so include order is
// free.
#include "pfviz/Kernel.h"
// clang-format off
#include "ui/ProcessModel.h"
// clang-format on

#include <QBrush>
#include <QLocale>
#include "ui/Theme.h"

namespace pfviz::ui {

ProcessModel::ProcessModel(const SimulationController& ctl, QObject* parent)
    : QAbstractTableModel(parent), m_ctl(ctl) {
    connect(&ctl, &SimulationController::simulationChanged, this,
            &ProcessModel::onSimulationChanged);
    // The PSS column may lag while playing: catch it up when the run stops.
    connect(&ctl, &SimulationController::playingChanged, this, [this](bool playing) {
        if (!playing && m_rows > 0) emit dataChanged(index(0, PssCol), index(m_rows - 1, PssCol));
    });
}

void ProcessModel::onSimulationChanged(Change change) {
    m_pssStale = true;
    const int rows = m_ctl.sim() ? int(m_ctl.sim()->machine().processes.size()) : 0;
    if (change == Change::Reset || rows < m_rows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    if (rows > m_rows) {  // processes are only ever appended (a pid is never reused)
        beginInsertRows({}, m_rows, rows - 1);
        m_rows = rows;
        endInsertRows();
    }
    if (m_rows > 0) emit dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
}

int ProcessModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_rows;
}
int ProcessModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProcessModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case PidCol:
            return tr("PID");
        case NameCol:
            return tr("Name");
        case StateCol:
            return tr("State");
        case RssCol:
            return tr("RSS pages");
        case PssCol:
            return tr("PSS pages");
        case SwapCol:
            return tr("Swap pages");
        case PtCol:
            return tr("Page tables");
        case MinorCol:
            return tr("Minor");
        case MajorCol:
            return tr("Major");
        case InvalidCol:
            return tr("Invalid");
        case CowCol:
            return tr("CoW copy/reuse");
        case SignalCol:
            return tr("Signal");
        case OomCol:
            return tr("oom_score");
        default:
            return {};
    }
}

double ProcessModel::pss(const pfviz::Machine& m, std::size_t row) const {
    const bool throttled = m_ctl.playing() && m_pssAge.isValid() && m_pssAge.elapsed() < 250;
    if ((m_pssStale && !throttled) || m_pss.size() != m.processes.size()) {
        m_pss.clear();
        for (const auto& p : m.processes)
            m_pss.push_back(m.pssPages(p));
        m_pssStale = false;
        m_pssAge.start();
    }
    return row < m_pss.size() ? m_pss[row] : 0.0;
}

QVariant ProcessModel::data(const QModelIndex& idx, int role) const {
    if (!idx.isValid() || idx.row() >= m_rows) return {};
    const auto guard = m_ctl.readGuard();
    const auto* sim = m_ctl.sim();
    if (!guard.owns_lock() || !sim || std::size_t(idx.row()) >= sim->machine().processes.size())
        return {};
    const auto& m = sim->machine();
    const auto& p = m.processes[std::size_t(idx.row())];
    if (role == Qt::DecorationRole && idx.column() == PidCol)
        return Theme::processColor(p.pid.value);
    if (role != Qt::DisplayRole) return {};
    const auto& f = p.counters.c.faults;
    switch (idx.column()) {
        case PidCol:
            return p.pid.value;
        case NameCol:
            return QString::fromStdString(p.name);
        case StateCol:
            switch (p.state) {
                case pfviz::ProcState::Running:
                    return m.current == p.pid ? tr("running (on CPU)") : tr("running");
                case pfviz::ProcState::Exited:
                    return tr("exited");
                case pfviz::ProcState::Killed:
                    return tr("killed");
            }
            return {};
        case RssCol:
            return qulonglong(p.counters.rssPages);
        case PssCol: {
            // One decimal: a page shared by 3 processes is 0.333 of a page in each (C4).
            const double v = pss(m, std::size_t(idx.row()));
            return v == 0 ? QStringLiteral("0") : QLocale().toString(v, 'f', 1);
        }
        case SwapCol:
            return qulonglong(p.counters.swapPages);
        case PtCol:
            return qulonglong(p.counters.pageTablePages);
        case MinorCol:
            return qulonglong(f.minor);
        case MajorCol:
            return qulonglong(f.major);
        case InvalidCol:
            return qulonglong(f.invalid);
        case CowCol:
            return tr("%1 / %2").arg(f.cowCopy).arg(f.cowReuse);
        case SignalCol:
            switch (p.exitSignal) {
                case pfviz::SigCode::None:
                    return QString();
                case pfviz::SigCode::SegvMaperr:
                    return tr("SIGSEGV (MAPERR)");
                case pfviz::SigCode::SegvAccerr:
                    return tr("SIGSEGV (ACCERR)");
                case pfviz::SigCode::Sigkill:
                    return tr("SIGKILL");
                case pfviz::SigCode::Sigbus:
                    return tr("SIGBUS");
            }
            return {};
        case OomCol:
            return p.running() ? QVariant(qlonglong(pfviz::Kernel::oomScore(m, p))) : QVariant();
        default:
            return {};
    }
}

}  // namespace pfviz::ui
