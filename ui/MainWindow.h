#pragma once
// The pfviz main window: narration + flow view in the centre, every other view in a dock
// (createDocks() is the one place docks are made: add a panel there with addPanel()).
#include <QMainWindow>
#include <functional>
#include <vector>

#include "ui/SimulationController.h"

class QAction;
class QActionGroup;
class QComboBox;
class QFileSystemWatcher;
class QLabel;
class QListWidget;
class QMessageBox;
class QMenu;
class QProgressBar;
class QSlider;
class QTableView;
class QTimer;
class QToolBar;

namespace pfviz::ui {

class ChartsPanel;
class EventLogFilter;
class EventLogModel;
class FlowView;
class MemoryMapWidget;
class PageTableModel;
class ProcessModel;
class TlbModel;
class TourDialog;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    SimulationController& controller() { return m_ctl; }
    /// A built-in name or a file path. Errors go to the error reporter; the old scenario stays.
    bool openScenario(const QString& nameOrPath);
    /// How errors reach the user; tests replace the modal QMessageBox with a recorder.
    void setErrorReporter(std::function<void(const QString&)> reporter) {
        m_reportError = std::move(reporter);
    }
    void setPresenterMode(bool on);
    bool presenterMode() const;
    void setBlanked(bool on);
    bool blanked() const;
    /// No animation (screenshots, tests): views show the final state at once.
    void setAnimationsEnabled(bool on);

    PageTableModel* pageTableModel() const { return m_ptModel; }
    TlbModel* tlbModel() const { return m_tlbModel; }
    ProcessModel* processModel() const { return m_procModel; }
    EventLogModel* eventLogModel() const { return m_logModel; }
    FlowView* flowView() const { return m_flow; }
    MemoryMapWidget* memoryMap() const { return m_memMap; }
    ChartsPanel* charts() const { return m_charts; }
    QString statusText() const;
    QString narrationText() const;

    /// "system", "en" or "ko" (View > Language): stores the choice and switches the window, the
    /// explanations and the narration at once (the views follow QEvent::LanguageChange).
    void setLanguageChoice(const QString& choice);
    /// Help > Tour; main() also opens it on the very first start.
    TourDialog* showTour();
    /// Help > About: version, licence (the full text behind "Show Details"), the Linux the
    /// engine follows. Returns the (non-modal) box, for tests.
    QMessageBox* showAbout();
    /// The text of the About box (rich text), for tests.
    static QString aboutText();
    /// Why the last reload of the opened scenario file failed (empty once a reload worked).
    QString fileErrorText() const;

protected:
    void changeEvent(QEvent* e) override;
    void closeEvent(QCloseEvent* e) override;
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;

private:
    void createActions();
    void createMenus();
    void createTransportBar();
    void createDocks();
    /// `title` is the untranslated text (QT_TR_NOOP): the dock is retitled on a language switch.
    QDockWidget* addPanel(QWidget* panel, const char* title, const QString& objectName,
                          Qt::DockWidgetArea area, bool secondary);
    QDockWidget* addPanel(QWidget* panel, const QString& title, const QString& objectName,
                          Qt::DockWidgetArea area, bool secondary);
    /// Texts set through these are set again, translated, by retranslateUi().
    QAction* trAction(QAction* a, const char* text);
    QMenu* trMenu(QMenu* m, const char* title);
    void retranslateUi();
    void updateScenarioTexts();
    void updateScenarioList();
    void updateLanguageMenu();
    void watchScenarioFile();
    void reloadScenarioFile();
    void refresh();
    void updateRecentMenu();
    void updateProcessChoices();
    void applyScale();
    void openFileDialog();

    SimulationController m_ctl;
    std::function<void(const QString&)> m_reportError;
    FlowView* m_flow{nullptr};
    MemoryMapWidget* m_memMap{nullptr};
    ChartsPanel* m_charts{nullptr};
    QLabel* m_narration{nullptr};
    QLabel* m_status{nullptr};
    QLabel* m_stepLabel{nullptr};
    QProgressBar* m_progress{nullptr};
    QSlider* m_timeline{nullptr};
    QSlider* m_speed{nullptr};
    QLabel* m_speedLabel{nullptr};
    QListWidget* m_scenarios{nullptr};
    QLabel* m_description{nullptr};
    QComboBox* m_ptProcess{nullptr};
    QComboBox* m_logKind{nullptr};
    QComboBox* m_logPid{nullptr};
    QTableView* m_ptView{nullptr};
    QTableView* m_logView{nullptr};
    QTableView* m_tlbView{nullptr};
    QTableView* m_procView{nullptr};
    PageTableModel* m_ptModel{nullptr};
    TlbModel* m_tlbModel{nullptr};
    ProcessModel* m_procModel{nullptr};
    EventLogModel* m_logModel{nullptr};
    EventLogFilter* m_logFilter{nullptr};
    QWidget* m_blank{nullptr};
    QMenu* m_recentMenu{nullptr};
    QMenu* m_viewMenu{nullptr};
    QAction* m_playAction{nullptr};
    QAction* m_presenterAction{nullptr};
    std::vector<QAction*> m_transport;
    std::vector<QDockWidget*> m_docks;
    std::vector<QDockWidget*> m_secondary;
    std::vector<std::pair<QAction*, const char*>> m_trActions;
    std::vector<std::pair<QMenu*, const char*>> m_trMenus;
    std::vector<std::pair<QDockWidget*, const char*>> m_trDocks;
    QToolBar* m_transportBar{nullptr};
    QToolBar* m_timelineBar{nullptr};
    QLabel* m_speedCaption{nullptr};
    QLabel* m_showCaption{nullptr};
    QAction* m_watermarkAction{nullptr};
    QActionGroup* m_langGroup{nullptr};
    TourDialog* m_tour{nullptr};
    QMessageBox* m_about{nullptr};
    // Reload on change: the opened scenario FILE is watched; a bad edit shows m_fileError.
    QFileSystemWatcher* m_fileWatcher{nullptr};
    QTimer* m_reloadTimer{nullptr};
    QLabel* m_fileError{nullptr};
    QString m_watchedFile;
    int m_reloadRetries{0};
    bool m_reloading{false};
    QByteArray m_normalState;
    std::uint64_t m_timelineScale{1};
};

}  // namespace pfviz::ui
