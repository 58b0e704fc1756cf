#pragma once
// One row per process: state, RSS, PSS, swap, page tables, fault counts, exit signal, oom_score.
#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <vector>

#include "ui/SimulationController.h"

namespace pfviz::ui {

class ProcessModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        PidCol,
        NameCol,
        StateCol,
        RssCol,
        PssCol,
        SwapCol,
        PtCol,
        MinorCol,
        MajorCol,
        InvalidCol,
        CowCol,
        SignalCol,
        OomCol,
        ColumnCount
    };
    explicit ProcessModel(const SimulationController& ctl, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

public slots:
    void onSimulationChanged(pfviz::ui::Change change);

private:
    /// PSS walks every process's page tables: computed once per shown state, and at most about
    /// four times a second while the simulation plays (the column lags a little then).
    double pss(const pfviz::Machine& m, std::size_t row) const;

    const SimulationController& m_ctl;
    int m_rows{0};
    mutable std::vector<double> m_pss;
    mutable bool m_pssStale{true};
    mutable QElapsedTimer m_pssAge;
};

}  // namespace pfviz::ui
