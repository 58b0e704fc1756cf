#include "ui/Tour.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "BuiltinScenarios.h"
#include "ui/AppSettings.h"

namespace pfviz::ui {

namespace {
bool isBuiltIn(const QString& name) {
    for (const auto& b : pfviz::builtinScenarios())
        if (QString::fromLatin1(b.name.data(), qsizetype(b.name.size())) == name) return true;
    return false;
}

QString pick(const QJsonObject& o, const QString& lang) {
    const QString t = o.value(lang).toString();
    return t.isEmpty() ? o.value(QStringLiteral("en")).toString() : t;
}
}  // namespace

std::vector<TourEntry> tourEntries(const QString& lang, bool onlyBuiltIn) {
    const std::string_view json = pfviz::builtinTourJson();
    const auto doc = QJsonDocument::fromJson(QByteArray(json.data(), qsizetype(json.size())));
    std::vector<TourEntry> out;
    for (const auto& v : doc.object().value(QStringLiteral("tour")).toArray()) {
        const QJsonObject o = v.toObject();
        TourEntry e{o.value(QStringLiteral("scenario")).toString(),
                    pick(o.value(QStringLiteral("title")).toObject(), lang),
                    pick(o.value(QStringLiteral("text")).toObject(), lang)};
        if (onlyBuiltIn && !isBuiltIn(e.scenario)) continue;
        out.push_back(std::move(e));
    }
    return out;
}

TourDialog::TourDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("tour"));
    setModal(false);
    resize(900, 520);
    auto* layout = new QVBoxLayout(this);
    m_intro = new QLabel;
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    auto* row = new QHBoxLayout;
    m_list = new QListWidget;
    m_list->setMaximumWidth(360);
    row->addWidget(m_list, 2);
    auto* right = new QVBoxLayout;
    m_title = new QLabel;
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.3);
    m_title->setFont(f);
    m_title->setWordWrap(true);
    m_text = new QLabel;
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    right->addWidget(m_title);
    right->addWidget(m_text, 1);
    row->addLayout(right, 3);
    layout->addLayout(row, 1);
    auto* buttons = new QDialogButtonBox;
    m_open = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_close = buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    connect(m_open, &QPushButton::clicked, this, &TourDialog::openSelected);
    connect(m_close, &QPushButton::clicked, this, &QDialog::hide);
    connect(m_list, &QListWidget::currentRowChanged, this, &TourDialog::showEntry);
    connect(m_list, &QListWidget::itemActivated, this, [this] { openSelected(); });
    reload();
}

void TourDialog::reload() {
    setWindowTitle(tr("Tour of the scenarios"));
    m_intro->setText(
        tr("From the first page fault to the OOM killer: one scenario per idea, in this order. "
           "Pick an entry and open its scenario; step with → and read the narration aloud."));
    m_open->setText(tr("Open this scenario"));
    m_close->setText(tr("Close"));
    const int row = std::max(0, m_list->currentRow());
    m_entries = tourEntries(AppSettings::language());
    const QSignalBlocker b(m_list);
    m_list->clear();
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        m_list->addItem(tr("%1. %2").arg(i + 1).arg(m_entries[i].title));
    m_list->setCurrentRow(std::min(row, int(m_entries.size()) - 1));
    showEntry(m_list->currentRow());
}

int TourDialog::entryCount() const {
    return int(m_entries.size());
}

QString TourDialog::entryScenario(int row) const {
    return row >= 0 && row < entryCount() ? m_entries[std::size_t(row)].scenario : QString();
}

QString TourDialog::shownText() const {
    return m_text->text();
}

void TourDialog::select(int row) {
    m_list->setCurrentRow(row);
}

void TourDialog::showEntry(int row) {
    if (row < 0 || row >= entryCount()) {
        m_title->clear();
        m_text->clear();
        return;
    }
    const auto& e = m_entries[std::size_t(row)];
    m_title->setText(e.title);
    m_text->setText(e.text);
}

void TourDialog::openSelected() {
    const QString name = entryScenario(m_list->currentRow());
    if (!name.isEmpty()) emit scenarioRequested(name);
}

void TourDialog::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) reload();
    QDialog::changeEvent(e);
}

}  // namespace pfviz::ui
