#pragma once
// The events of the last SimulationController::kLogSteps steps, one row each, with a plain-words
// explanation. Bounded: a million-step run keeps only those rows; a seek regenerates them.
#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <vector>

#include "ui/SimulationController.h"

namespace pfviz::ui {

class EventLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { StepCol, TimeCol, PidCol, KindCol, ExplainCol, ColumnCount };
    enum Role { StepRole = Qt::UserRole + 1, KindRole, PidRole };
    explicit EventLogModel(const SimulationController& ctl, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;
    /// Row of the event under the sub-step cursor, or -1.
    int cursorRow() const;

public slots:
    void onSimulationChanged(pfviz::ui::Change change);
    void onCursorChanged(int cursor);

private:
    struct Row {
        pfviz::Event event;
        int indexInStep;
        QString text;
    };
    void appendStep(const StepRecord& rec);

    const SimulationController& m_ctl;
    std::vector<Row> m_rows;
    int m_cursorRow{-1};
};

/// Filters the log by event kind (-1 = all) and process (0 = all).
class EventLogFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setKind(int kind);
    void setPid(unsigned pid);

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override;

private:
    int m_kind{-1};
    unsigned m_pid{0};
};

}  // namespace pfviz::ui
