#pragma once
// One row per process: state, RSS, page tables, fault counts, exit signal, oom_score.
#include <QAbstractTableModel>

#include "ui/SimulationController.h"

namespace pfviz::ui {

class ProcessModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { PidCol, NameCol, StateCol, RssCol, PtCol, MinorCol, MajorCol, InvalidCol,
                  CowCol, SignalCol, OomCol, ColumnCount };
    explicit ProcessModel(const SimulationController& ctl, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

public slots:
    void onSimulationChanged(pfviz::ui::Change change);

private:
    const SimulationController& m_ctl;
    int m_rows{0};
};

}  // namespace pfviz::ui
