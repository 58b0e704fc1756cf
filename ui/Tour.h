#pragma once
// The guided tour: the scenarios in teaching order (scenarios/tour/tour.json, embedded), each
// with a one-paragraph introduction in English and Korean. Shown once on the first start and
// from Help > Tour; an entry whose scenario is not built in is left out.
#include <QDialog>
#include <vector>

class QLabel;
class QListWidget;
class QPushButton;

namespace pfviz::ui {

struct TourEntry {
    QString scenario;
    QString title;
    QString text;
};

/// The entries in `lang` ("en" or "ko"; Korean falls back to English where a text is missing).
/// With onlyBuiltIn, entries whose scenario is not built in are skipped.
std::vector<TourEntry> tourEntries(const QString& lang, bool onlyBuiltIn = true);

class TourDialog : public QDialog {
    Q_OBJECT
public:
    explicit TourDialog(QWidget* parent = nullptr);
    /// Re-reads the entries in the current language (keeps the selected row).
    void reload();
    int entryCount() const;
    QString entryScenario(int row) const;
    QString shownText() const;
    void select(int row);
    /// Opens the selected entry's scenario (as the "Open" button does).
    void openSelected();

signals:
    void scenarioRequested(const QString& name);

protected:
    void changeEvent(QEvent* e) override;

private:
    void showEntry(int row);

    std::vector<TourEntry> m_entries;
    QLabel* m_intro{nullptr};
    QListWidget* m_list{nullptr};
    QLabel* m_title{nullptr};
    QLabel* m_text{nullptr};
    QPushButton* m_open{nullptr};
    QPushButton* m_close{nullptr};
};

}  // namespace pfviz::ui
