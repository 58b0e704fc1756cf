#include "charts/ExportDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSpinBox>

namespace pfviz::ui {

ExportDialog::ExportDialog(ChartKind kind, const ChartStyle& current, QWidget* parent)
    : QDialog(parent), m_base(current) {
    setWindowTitle(tr("Export chart"));
    auto* form = new QFormLayout(this);
    m_format = new QComboBox(this);
    m_format->addItem(tr("PNG image"), QStringLiteral("png"));
    m_format->addItem(tr("SVG (vector)"), QStringLiteral("svg"));
    m_format->addItem(tr("PDF (vector)"), QStringLiteral("pdf"));
    form->addRow(tr("Format:"), m_format);
    m_width = new QSpinBox(this);
    m_width->setRange(16, 16384);
    m_width->setValue(1920);
    m_height = new QSpinBox(this);
    m_height->setRange(16, 16384);
    m_height->setValue(1080);
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(m_height);
    form->addRow(tr("Size (pixels):"), sizeRow);
    m_dpi = new QSpinBox(this);
    m_dpi->setRange(10, 2400);
    m_dpi->setValue(96);
    form->addRow(tr("DPI:"), m_dpi);
    m_theme = new QComboBox(this);
    m_theme->addItem(tr("Slide (white, large, colour-blind safe)"), int(ThemeKind::Slide));
    m_theme->addItem(tr("Screen"), int(ThemeKind::Screen));
    m_theme->addItem(tr("Dark"), int(ThemeKind::Dark));
    form->addRow(tr("Theme:"), m_theme);
    m_title = new QLineEdit(current.title.isEmpty() ? chartTitle(kind) : current.title, this);
    form->addRow(tr("Title:"), m_title);
    m_caption = new QLineEdit(current.caption, this);
    m_caption->setPlaceholderText(tr("optional, drawn under the chart"));
    form->addRow(tr("Caption:"), m_caption);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

ExportOptions ExportDialog::options() const {
    ExportOptions o;
    o.format = m_format->currentData().toString();
    o.size = QSize(m_width->value(), m_height->value());
    o.dpi = m_dpi->value();
    o.style = m_base;
    o.style.theme = static_cast<ThemeKind>(m_theme->currentData().toInt());
    o.style.title = m_title->text();
    o.style.caption = m_caption->text();
    return o;
}

}  // namespace pfviz::ui
