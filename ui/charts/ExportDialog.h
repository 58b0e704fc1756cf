#pragma once
// The small dialog shown before a chart export: format, pixel size, DPI, theme, title, caption.
#include <QDialog>

#include "charts/ChartData.h"
#include "charts/ChartExport.h"

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace pfviz::ui {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(ChartKind kind, const ChartStyle& current, QWidget* parent = nullptr);
    ExportOptions options() const;

private:
    ChartStyle m_base;
    QComboBox* m_format;
    QSpinBox* m_width;
    QSpinBox* m_height;
    QSpinBox* m_dpi;
    QComboBox* m_theme;
    QLineEdit* m_title;
    QLineEdit* m_caption;
};

}  // namespace pfviz::ui
