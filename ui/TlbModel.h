#pragma once
// The TLB, one row per entry (set, way). Hits and fills of the current step are flagged.
#include <QAbstractTableModel>

#include "ui/SimulationController.h"

namespace pfviz::ui {

class TlbModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        SetCol,
        WayCol,
        ValidCol,
        AsidCol,
        PidCol,
        PageCol,
        FrameCol,
        WCol,
        XCol,
        LruCol,
        NowCol,
        ColumnCount
    };
    explicit TlbModel(const SimulationController& ctl, QObject* parent = nullptr);

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
