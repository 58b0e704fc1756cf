#include "ui/MainWindow.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSlider>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include "BuiltinScenarios.h"
#include "charts/ChartView.h"
#include "charts/ChartsPanel.h"
#include "pfviz/Reference.h"
#include "pfviz/ScenarioIo.h"
#include "ui/AppSettings.h"
#include "ui/EventLogModel.h"
#include "ui/EventText.h"
#include "ui/FlowView.h"
#include "ui/Language.h"
#include "ui/MemoryMapWidget.h"
#include "ui/PageTableModel.h"
#include "ui/ProcessModel.h"
#include "ui/Theme.h"
#include "ui/TlbModel.h"
#include "ui/Tour.h"

namespace pfviz::ui {

namespace {
QString speedName(int s) {
    switch (s) {
        case SimulationController::SlowMotion:
            return MainWindow::tr("slow motion (2 s per event)");
        case SimulationController::Slow:
            return MainWindow::tr("slow (0.7 s per event)");
        case SimulationController::Normal:
            return MainWindow::tr("normal (animated)");
        case SimulationController::Fast:
            return MainWindow::tr("fast (8 steps/s)");
        case SimulationController::Faster:
            return MainWindow::tr("faster (60 steps/s)");
        case SimulationController::Full:
            return MainWindow::tr("full speed");
        default:
            return {};
    }
}

QTableView* makeTable(QAbstractItemModel* model) {
    auto* v = new QTableView;
    v->setModel(model);
    v->verticalHeader()->setVisible(false);
    v->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    v->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->setSelectionMode(QAbstractItemView::SingleSelection);
    v->setEditTriggers(QAbstractItemView::NoEditTriggers);
    v->horizontalHeader()->setStretchLastSection(true);
    v->setWordWrap(false);
    return v;
}
}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("pfviz — page faults, step by step"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/pfviz.svg")));
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    m_reportError = [this](const QString& msg) {
        QMessageBox::critical(this, tr("Cannot open the scenario"), msg);
    };
    connect(&m_ctl, &SimulationController::loadFailed, this, [this](const QString& msg) {
        if (!m_reloading) {
            m_reportError(msg);
            return;
        }
        m_fileError->setText(
            tr("%1 changed on disk but cannot be loaded; the previous version stays:\n%2")
                .arg(QFileInfo(m_watchedFile).fileName(), msg));
        m_fileError->show();
    });

    // Centre: the narration over the flow view.
    auto* centre = new QWidget;
    auto* layout = new QVBoxLayout(centre);
    layout->setContentsMargins(4, 4, 4, 4);
    m_narration = new QLabel;
    m_narration->setWordWrap(true);
    m_narration->setObjectName(QStringLiteral("narration"));
    m_narration->setMinimumHeight(40);
    m_narration->setStyleSheet(QStringLiteral(
        "QLabel#narration { background: #FFF8DC; border: 2px solid #E69F00; border-radius: 6px;"
        " padding: 6px; color: black; }"));
    m_fileError = new QLabel;
    m_fileError->setObjectName(QStringLiteral("fileError"));
    m_fileError->setWordWrap(true);
    m_fileError->setTextFormat(Qt::PlainText);
    m_fileError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fileError->setStyleSheet(QStringLiteral(
        "QLabel#fileError { background: #FDE2E1; border: 2px solid #D55E00; border-radius: 6px;"
        " padding: 6px; color: black; }"));
    m_fileError->hide();
    layout->addWidget(m_fileError);
    layout->addWidget(m_narration);
    m_flow = new FlowView(m_ctl);
    layout->addWidget(m_flow, 1);
    setCentralWidget(centre);

    createActions();
    createTransportBar();
    createDocks();
    createMenus();

    m_status = new QLabel;
    statusBar()->addWidget(m_status, 1);
    m_progress = new QProgressBar;
    m_progress->setMaximumWidth(260);
    m_progress->setVisible(false);
    statusBar()->addPermanentWidget(m_progress);

    m_blank = new QWidget(this);
    m_blank->setStyleSheet(QStringLiteral("background: black;"));
    m_blank->setAttribute(Qt::WA_StyledBackground);
    m_blank->hide();

    connect(&m_ctl, &SimulationController::stateChanged, this, &MainWindow::refresh);
    m_fileWatcher = new QFileSystemWatcher(this);
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(150);  // editors write in several steps: wait until they are done
    connect(m_fileWatcher, &QFileSystemWatcher::fileChanged, this,
            [this] { m_reloadTimer->start(); });
    connect(m_reloadTimer, &QTimer::timeout, this, &MainWindow::reloadScenarioFile);

    connect(&m_ctl, &SimulationController::scenarioLoaded, this, [this] {
        updateProcessChoices();
        const auto* sim = m_ctl.sim();
        const std::uint64_t total = sim->totalSteps();
        m_timelineScale = std::max<std::uint64_t>(1, total / 1'000'000'000ull + 1);
        m_timeline->setRange(0, int(total / m_timelineScale));
        updateScenarioTexts();
        watchScenarioFile();
        if (!m_reloading) m_fileError->hide();
        for (int i = 0; i < m_scenarios->count(); ++i)
            if (m_scenarios->item(i)->data(Qt::UserRole).toString() == m_ctl.scenarioName()) {
                const QSignalBlocker b(m_scenarios);
                m_scenarios->setCurrentRow(i);
            }
    });
    connect(&m_ctl, &SimulationController::playingChanged, this, [this](bool playing) {
        m_playAction->setText(playing ? tr("Pause") : tr("Play"));
        m_progress->setVisible(playing && m_ctl.workerActive());
    });
    connect(&m_ctl, &SimulationController::runProgress, this, [this](quint64 step, quint64 total) {
        m_progress->setVisible(m_ctl.playing());
        m_progress->setRange(0, 1000);
        m_progress->setValue(total ? int(step * 1000 / total) : 0);
        m_progress->setFormat(tr("step %1 of %2 (Space stops)").arg(step).arg(total));
    });
    connect(&m_ctl, &SimulationController::simulationChanged, this, [this](Change c) {
        if (c != Change::Step)
            updateProcessChoices();
        else
            for (const auto& e : m_ctl.sim()->lastEvents())
                if (e.kind == pfviz::EventKind::Fork || e.kind == pfviz::EventKind::ProcessStart)
                    updateProcessChoices();
    });
    connect(&Theme::instance(), &Theme::changed, this, &MainWindow::applyScale);

    resize(1600, 1000);
    if (AppSettings::persistent()) {
        QSettings s;
        restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
        restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    }
    applyScale();
    retranslateUi();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions() {
    auto make = [this](const char* text, std::initializer_list<QKeySequence> keys, auto slot) {
        auto* a = trAction(new QAction(this), text);
        a->setShortcuts(QList<QKeySequence>(keys));
        a->setShortcutContext(Qt::WindowShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        m_transport.push_back(a);
        return a;
    };
    m_playAction =
        make(QT_TR_NOOP("Play"), {QKeySequence(Qt::Key_Space)}, [this] { m_ctl.togglePlay(); });
    make(QT_TR_NOOP("Step forward"), {QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_PageDown)},
         [this] { m_ctl.stepForward(); });
    make(QT_TR_NOOP("Step back"), {QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_PageUp)},
         [this] { m_ctl.stepBack(); });
    make(QT_TR_NOOP("Next event in this step"), {QKeySequence(Qt::SHIFT | Qt::Key_Right)},
         [this] { m_ctl.subStepForward(); });
    make(QT_TR_NOOP("Previous event in this step"), {QKeySequence(Qt::SHIFT | Qt::Key_Left)},
         [this] { m_ctl.subStepBack(); });
    make(QT_TR_NOOP("Restart"), {QKeySequence(Qt::Key_Home)}, [this] { m_ctl.restart(); });
    make(QT_TR_NOOP("Run to next break"), {QKeySequence(Qt::Key_N)},
         [this] { m_ctl.runToNextBreak(); });
    make(QT_TR_NOOP("Slower"), {QKeySequence(Qt::Key_BracketLeft)},
         [this] { m_speed->setValue(m_speed->value() - 1); });
    make(QT_TR_NOOP("Faster"), {QKeySequence(Qt::Key_BracketRight)},
         [this] { m_speed->setValue(m_speed->value() + 1); });
}

void MainWindow::createTransportBar() {
    auto* bar = m_transportBar = addToolBar(QString());
    bar->setObjectName(QStringLiteral("transport"));
    bar->setMovable(false);
    // Restart, back, sub-back, play, sub-forward, forward, run-to.
    const int order[] = {5, 2, 4, 0, 3, 1, 6};
    for (int i : order)
        bar->addAction(m_transport[std::size_t(i)]);
    addToolBarBreak();
    bar = m_timelineBar = addToolBar(QString());
    bar->setObjectName(QStringLiteral("timeline"));
    bar->setMovable(false);
    m_speedLabel = new QLabel;
    m_speed = new QSlider(Qt::Horizontal);
    m_speed->setRange(0, SimulationController::SpeedCount - 1);
    m_speed->setValue(m_ctl.speed());
    m_speed->setFixedWidth(140);
    m_speed->setFocusPolicy(Qt::NoFocus);
    m_speedLabel->setText(speedName(m_ctl.speed()));
    connect(m_speed, &QSlider::valueChanged, this, [this](int v) {
        m_ctl.setSpeed(v);
        m_speedLabel->setText(speedName(v));
    });
    m_speedCaption = new QLabel;
    bar->addWidget(m_speedCaption);
    bar->addWidget(m_speed);
    bar->addWidget(m_speedLabel);
    bar->addSeparator();
    m_timeline = new QSlider(Qt::Horizontal);
    m_timeline->setFocusPolicy(Qt::NoFocus);
    m_timeline->setMinimumWidth(200);
    m_timeline->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(m_timeline, &QSlider::sliderReleased, this,
            [this] { m_ctl.seek(quint64(m_timeline->value()) * m_timelineScale); });
    connect(m_timeline, &QSlider::actionTriggered, this, [this](int action) {
        if (action == QAbstractSlider::SliderMove) return;
        QTimer::singleShot(0, this, [this] {
            if (!m_timeline->isSliderDown())
                m_ctl.seek(quint64(m_timeline->value()) * m_timelineScale);
        });
    });
    bar->addWidget(m_timeline);
    m_stepLabel = new QLabel;
    bar->addWidget(m_stepLabel);
}

QDockWidget* MainWindow::addPanel(QWidget* panel, const char* title, const QString& objectName,
                                  Qt::DockWidgetArea area, bool secondary) {
    auto* dock = addPanel(panel, tr(title), objectName, area, secondary);
    m_trDocks.emplace_back(dock, title);
    return dock;
}

QAction* MainWindow::trAction(QAction* a, const char* text) {
    m_trActions.emplace_back(a, text);
    a->setText(tr(text));
    return a;
}

QMenu* MainWindow::trMenu(QMenu* m, const char* title) {
    m_trMenus.emplace_back(m, title);
    m->setTitle(tr(title));
    return m;
}

QDockWidget* MainWindow::addPanel(QWidget* panel, const QString& title, const QString& objectName,
                                  Qt::DockWidgetArea area, bool secondary) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);  // saveState/restoreState key
    dock->setWidget(panel);
    addDockWidget(area, dock);
    m_docks.push_back(dock);
    if (secondary) m_secondary.push_back(dock);
    return dock;
}

void MainWindow::createDocks() {
    // Scenario chooser.
    auto* scen = new QWidget;
    auto* sl = new QVBoxLayout(scen);
    sl->setContentsMargins(2, 2, 2, 2);
    m_scenarios = new QListWidget;
    for (const auto& b : pfviz::builtinScenarios()) {
        auto* item = new QListWidgetItem;
        item->setData(Qt::UserRole, QString::fromLatin1(b.name.data(), qsizetype(b.name.size())));
        m_scenarios->addItem(item);
    }
    updateScenarioList();
    connect(m_scenarios, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* it) { m_ctl.loadBuiltin(it->data(Qt::UserRole).toString()); });
    connect(m_scenarios, &QListWidget::itemClicked, this, [this](QListWidgetItem* it) {
        if (it->data(Qt::UserRole).toString() != m_ctl.scenarioName())
            m_ctl.loadBuiltin(it->data(Qt::UserRole).toString());
    });
    m_description = new QLabel;
    m_description->setWordWrap(true);
    m_description->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    sl->addWidget(m_scenarios, 1);
    sl->addWidget(m_description, 2);
    auto* scenDock = addPanel(scen, QT_TR_NOOP("Scenarios"), QStringLiteral("scenarios"),
                              Qt::LeftDockWidgetArea, true);

    // Page tables of one process.
    auto* pt = new QWidget;
    auto* pl = new QVBoxLayout(pt);
    pl->setContentsMargins(2, 2, 2, 2);
    m_ptProcess = new QComboBox;
    m_ptProcess->setFocusPolicy(Qt::NoFocus);
    m_ptModel = new PageTableModel(m_ctl, this);
    m_ptView = makeTable(m_ptModel);
    connect(m_ptProcess, &QComboBox::activated, this,
            [this](int i) { m_ptModel->setPid(pfviz::Pid{m_ptProcess->itemData(i).toUInt()}); });
    connect(m_ptModel, &PageTableModel::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            m_ptView->scrollTo(m_ptModel->index(row, 0), QAbstractItemView::EnsureVisible);
    });
    connect(m_ptModel, &QAbstractItemModel::modelReset, this, [this] {
        if (m_ptModel->currentRow() >= 0)
            m_ptView->scrollTo(m_ptModel->index(m_ptModel->currentRow(), 0),
                               QAbstractItemView::PositionAtCenter);
    });
    pl->addWidget(m_ptProcess);
    pl->addWidget(m_ptView);
    auto* ptDock = addPanel(pt, QT_TR_NOOP("Page tables"), QStringLiteral("pagetables"),
                            Qt::RightDockWidgetArea, false);

    // Physical memory map.
    m_memMap = new MemoryMapWidget(m_ctl);
    auto* memDock = addPanel(m_memMap, QT_TR_NOOP("Physical memory"), QStringLiteral("memory"),
                             Qt::RightDockWidgetArea, false);

    // TLB.
    m_tlbModel = new TlbModel(m_ctl, this);
    m_tlbView = makeTable(m_tlbModel);
    auto* tlbDock = addPanel(m_tlbView, QT_TR_NOOP("TLB"), QStringLiteral("tlb"),
                             Qt::BottomDockWidgetArea, true);

    // Processes.
    m_procModel = new ProcessModel(m_ctl, this);
    m_procView = makeTable(m_procModel);
    auto* procDock = addPanel(m_procView, QT_TR_NOOP("Processes"), QStringLiteral("processes"),
                              Qt::LeftDockWidgetArea, true);

    // Event log.
    auto* log = new QWidget;
    auto* ll = new QVBoxLayout(log);
    ll->setContentsMargins(2, 2, 2, 2);
    auto* filters = new QHBoxLayout;
    m_logKind = new QComboBox;
    m_logKind->setFocusPolicy(Qt::NoFocus);
    m_logKind->addItem(QString(), -1);  // texts: retranslateUi()
    for (int k = 0; k < pfviz::kEventKindCount; ++k)
        m_logKind->addItem(QString(), k);
    m_logPid = new QComboBox;
    m_logPid->setFocusPolicy(Qt::NoFocus);
    m_showCaption = new QLabel;
    filters->addWidget(m_showCaption);
    filters->addWidget(m_logKind);
    filters->addWidget(m_logPid);
    filters->addStretch();
    m_logModel = new EventLogModel(m_ctl, this);
    m_logFilter = new EventLogFilter(this);
    m_logFilter->setSourceModel(m_logModel);
    m_logView = makeTable(m_logFilter);
    connect(m_logKind, &QComboBox::activated, this,
            [this](int i) { m_logFilter->setKind(m_logKind->itemData(i).toInt()); });
    connect(m_logPid, &QComboBox::activated, this,
            [this](int i) { m_logFilter->setPid(m_logPid->itemData(i).toUInt()); });
    connect(m_logView, &QTableView::activated, this, [this](const QModelIndex& i) {
        const auto step = i.data(EventLogModel::StepRole).toULongLong();
        m_ctl.seek(step + 1);  // the state right after that step
    });
    connect(m_logView, &QTableView::clicked, this, [this](const QModelIndex& i) {
        const auto step = i.data(EventLogModel::StepRole).toULongLong();
        if (m_ctl.sim() && step + 1 != m_ctl.sim()->stepIndex()) m_ctl.seek(step + 1);
    });
    connect(m_logModel, &QAbstractItemModel::rowsInserted, this,
            [this] { m_logView->scrollToBottom(); });
    connect(m_logModel, &QAbstractItemModel::modelReset, this,
            [this] { m_logView->scrollToBottom(); });
    ll->addLayout(filters);
    ll->addWidget(m_logView);
    auto* logDock = addPanel(log, QT_TR_NOOP("Event log"), QStringLiteral("eventlog"),
                             Qt::BottomDockWidgetArea, true);

    // Live charts of the time series; clicking a point jumps there.
    m_charts = new ChartsPanel;
    m_charts->setReadLock([this](const std::function<void()>& read) {
        const auto guard = m_ctl.readGuard();
        if (!guard.owns_lock()) return false;
        read();
        return true;
    });
    connect(m_charts, &ChartsPanel::stepRequested, this,
            [this](std::uint64_t step) { m_ctl.seek(step); });
    connect(&m_ctl, &SimulationController::scenarioLoaded, this, [this] {
        const auto guard = m_ctl.readGuard();
        m_charts->setSimulator(m_ctl.sim());
    });
    connect(&m_ctl, &SimulationController::stateChanged, this, [this] {
        // The controller coalesces stateChanged (~30/s); read the series only under the guard.
        const auto guard = m_ctl.readGuard();
        if (guard.owns_lock()) m_charts->refreshNow();
    });
    auto* chartsDock = addPanel(m_charts, QT_TR_NOOP("Charts"), QStringLiteral("charts"),
                                Qt::BottomDockWidgetArea, true);

    // Default arrangement: left column scenarios/processes, right column page tables over memory,
    // bottom row TLB beside the event log.
    splitDockWidget(scenDock, procDock, Qt::Vertical);
    splitDockWidget(ptDock, memDock, Qt::Vertical);
    splitDockWidget(tlbDock, logDock, Qt::Horizontal);
    splitDockWidget(logDock, chartsDock, Qt::Horizontal);
    resizeDocks({scenDock, ptDock}, {420, 560}, Qt::Horizontal);  // processes up to PSS
    resizeDocks({tlbDock, logDock, chartsDock}, {460, 640, 820}, Qt::Horizontal);
    resizeDocks({tlbDock}, {300}, Qt::Vertical);
}

void MainWindow::createMenus() {
    auto* file = trMenu(menuBar()->addMenu(QString()), QT_TR_NOOP("&File"));
    auto* open = trAction(file->addAction(QString(), this, &MainWindow::openFileDialog),
                          QT_TR_NOOP("&Open scenario…"));
    trAction(
        file->addAction(QString(), this, [this] { m_charts->currentChart()->exportChartDialog(); }),
        QT_TR_NOOP("&Export chart…"));
    trAction(file->addAction(
                 QString(), this,
                 [this] { m_charts->currentChart()->exportDataDialog(QStringLiteral("csv")); }),
             QT_TR_NOOP("Export series as &CSV…"));
    trAction(file->addAction(
                 QString(), this,
                 [this] { m_charts->currentChart()->exportDataDialog(QStringLiteral("json")); }),
             QT_TR_NOOP("Export series as &JSON…"));
    trAction(
        file->addAction(QString(), this, [this] { m_charts->currentChart()->copyToClipboard(); }),
        QT_TR_NOOP("Cop&y chart"));
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = trMenu(file->addMenu(QString()), QT_TR_NOOP("Open &recent"));
    updateRecentMenu();
    file->addSeparator();
    auto* quit = trAction(file->addAction(QString(), this, &QWidget::close), QT_TR_NOOP("&Quit"));
    quit->setShortcut(QKeySequence::Quit);

    auto* sim = trMenu(menuBar()->addMenu(QString()), QT_TR_NOOP("&Simulation"));
    for (auto* a : m_transport)
        sim->addAction(a);
    auto* breaks = trMenu(sim->addMenu(QString()), QT_TR_NOOP("&Break on"));
    breaks->setToolTipsVisible(true);
    struct B {
        const char* text;
        int kind;  // -1: not in the engine yet
    };
    const B list[] = {
        {QT_TR_NOOP("Minor fault"), int(pfviz::EventKind::MinorFault)},
        {QT_TR_NOOP("Major fault"), int(pfviz::EventKind::MajorFault)},
        {QT_TR_NOOP("Invalid access (SIGSEGV)"), int(pfviz::EventKind::InvalidAccess)},
        {QT_TR_NOOP("CoW copy"), int(pfviz::EventKind::CowCopy)},
        {QT_TR_NOOP("Swap-out"), int(pfviz::EventKind::SwapOut)},
        {QT_TR_NOOP("kswapd wake-up"), int(pfviz::EventKind::KswapdWake)},
        {QT_TR_NOOP("OOM kill"), int(pfviz::EventKind::OomKill)},
        {QT_TR_NOOP("Watermark crossing"), -1},
        {QT_TR_NOOP("Checkpoint"), int(pfviz::EventKind::Checkpoint)},
    };
    for (const auto& b : list) {
        auto* a = trAction(breaks->addAction(QString()), b.text);
        a->setCheckable(true);
        if (b.kind < 0) {
            a->setEnabled(false);
            m_watermarkAction = a;  // tooltip: retranslateUi()
            continue;
        }
        const auto kind = pfviz::EventKind(b.kind);
        a->setChecked(m_ctl.breaksOn(kind));
        connect(a, &QAction::toggled, this, [this, kind](bool on) { m_ctl.setBreakOn(kind, on); });
    }

    m_viewMenu = trMenu(menuBar()->addMenu(QString()), QT_TR_NOOP("&View"));
    for (auto* d : m_docks)
        m_viewMenu->addAction(d->toggleViewAction());
    m_viewMenu->addSeparator();
    m_presenterAction = trAction(m_viewMenu->addAction(QString()), QT_TR_NOOP("&Presenter mode"));
    m_presenterAction->setCheckable(true);
    m_presenterAction->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_presenterAction, &QAction::toggled, this, &MainWindow::setPresenterMode);
    addAction(m_presenterAction);
    auto* blank = trAction(m_viewMenu->addAction(QString()), QT_TR_NOOP("&Blank screen"));
    blank->setShortcut(QKeySequence(Qt::Key_B));
    connect(blank, &QAction::triggered, this, [this] { setBlanked(!blanked()); });
    addAction(blank);

    // Language: each language is named in itself (a reader of the other one must find it).
    m_viewMenu->addSeparator();
    auto* lang = trMenu(m_viewMenu->addMenu(QString()), QT_TR_NOOP("&Language"));
    lang->setObjectName(QStringLiteral("languageMenu"));
    m_langGroup = new QActionGroup(this);
    const std::pair<QString, QString> langs[] = {{QStringLiteral("system"), QString()},
                                                 {QStringLiteral("en"), QStringLiteral("English")},
                                                 {QStringLiteral("ko"), QStringLiteral("한국어")}};
    for (const auto& [code, name] : langs) {
        QAction* a = name.isEmpty()
                         ? trAction(lang->addAction(QString()), QT_TR_NOOP("System default"))
                         : lang->addAction(name);
        a->setCheckable(true);
        a->setData(code);
        m_langGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] { setLanguageChoice(code); });
    }
    updateLanguageMenu();

    auto* help = trMenu(menuBar()->addMenu(QString()), QT_TR_NOOP("&Help"));
    trAction(help->addAction(QString(), this, [this] { showTour(); }),
             QT_TR_NOOP("&Tour of the scenarios…"));
    help->addSeparator();
    trAction(help->addAction(QString(), this, [this] { showAbout(); }), QT_TR_NOOP("&About pfviz"))
        ->setMenuRole(QAction::AboutRole);
    trAction(help->addAction(QString(), qApp, &QApplication::aboutQt), QT_TR_NOOP("About &Qt"))
        ->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::updateLanguageMenu() {
    const QString forced = AppSettings::languageOverride();  // --lang
    const QString choice = forced.isEmpty() ? AppSettings::languageChoice() : forced;
    for (QAction* a : m_langGroup->actions())
        a->setChecked(a->data().toString() == choice);
}

void MainWindow::setLanguageChoice(const QString& choice) {
    AppSettings::setLanguageChoice(choice);
    if (!Language::apply())
        statusBar()->showMessage(
            tr("The translation for %1 is missing from this build.").arg(AppSettings::language()),
            8000);
    updateLanguageMenu();
}

QString MainWindow::aboutText() {
    const auto latin = [](std::string_view s) {
        return QString::fromLatin1(s.data(), qsizetype(s.size()));
    };
    return tr("<h3>pfviz %1</h3>"
              "<p>An interactive visualizer of page faults for operating-systems courses.</p>"
              "<p>The simulated machine follows the rules of Linux %2, checked against "
              "measurements on Linux %3. Where pfviz simplifies, it says so.</p>"
              "<p>Licence: MIT (the full text is under <i>Show Details</i>).<br>"
              "Built with Qt %4, running on Qt %5.</p>")
        .arg(QStringLiteral(PFVIZ_VERSION), latin(kReferenceLinuxVersion),
             latin(kMeasuredLinuxVersion), QStringLiteral(QT_VERSION_STR),
             QString::fromLatin1(qVersion()));
}

QMessageBox* MainWindow::showAbout() {
    if (!m_about) {
        m_about = new QMessageBox(this);
        m_about->setIconPixmap(windowIcon().pixmap(96, 96));
        m_about->setTextFormat(Qt::RichText);
        QFile licence(QStringLiteral(":/LICENSE"));
        if (licence.open(QIODevice::ReadOnly))
            m_about->setDetailedText(QString::fromUtf8(licence.readAll()));
        m_about->setStandardButtons(QMessageBox::Close);
    }
    m_about->setWindowTitle(tr("About pfviz"));
    m_about->setText(aboutText());
    m_about->show();
    m_about->raise();
    return m_about;
}

TourDialog* MainWindow::showTour() {
    if (!m_tour) {
        m_tour = new TourDialog(this);
        connect(m_tour, &TourDialog::scenarioRequested, this,
                [this](const QString& name) { openScenario(name); });
    }
    m_tour->show();
    m_tour->raise();
    return m_tour;
}

QString MainWindow::fileErrorText() const {
    return m_fileError->isHidden() ? QString() : m_fileError->text();
}

void MainWindow::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) retranslateUi();
    QMainWindow::changeEvent(e);
}

void MainWindow::retranslateUi() {
    for (const auto& [a, text] : m_trActions)
        a->setText(tr(text));
    for (const auto& [m, text] : m_trMenus)
        m->setTitle(tr(text));
    for (const auto& [d, text] : m_trDocks)
        d->setWindowTitle(tr(text));
    m_transportBar->setWindowTitle(tr("Transport"));
    m_timelineBar->setWindowTitle(tr("Speed and timeline"));
    m_speed->setToolTip(tr("Playback speed ([ slower, ] faster)"));
    m_speedCaption->setText(tr("Speed:"));
    m_speedLabel->setText(speedName(m_speed->value()));
    m_timeline->setToolTip(tr("Timeline: drag to any step"));
    m_showCaption->setText(tr("Show:"));
    m_watermarkAction->setToolTip(
        tr("the engine reports the low and high watermarks as kswapd waking and sleeping; use "
           "kswapd wake-up"));
    m_playAction->setText(m_ctl.playing() ? tr("Pause") : tr("Play"));
    m_logKind->setItemText(0, tr("all events"));
    for (int i = 1; i < m_logKind->count(); ++i)
        m_logKind->setItemText(i,
                               EventText::label(pfviz::EventKind(m_logKind->itemData(i).toInt())));
    updateLanguageMenu();
    updateScenarioList();
    if (m_ctl.sim()) {
        updateProcessChoices();
        updateScenarioTexts();
        refresh();  // narration, status bar, step label
        const auto guard = m_ctl.readGuard();
        m_charts->retranslate();
        m_logModel->onSimulationChanged(
            Change::Reset);  // the explanations are worded once, per row
    } else {
        setWindowTitle(tr("pfviz — page faults, step by step"));
    }
    for (QAbstractItemModel* m :
         std::initializer_list<QAbstractItemModel*>{m_ptModel, m_tlbModel, m_procModel, m_logModel})
        Language::retranslateModel(m);
    m_flow->scene()->update();
    m_memMap->update();
    applyScale();  // column widths follow the translated headers
}

void MainWindow::updateScenarioTexts() {
    const auto* sim = m_ctl.sim();
    if (!sim) return;
    m_description->setText(
        tr("<b>%1</b><br>%2")
            .arg(AppSettings::captionText(sim->scenario().title).toHtmlEscaped(),
                 AppSettings::captionText(sim->scenario().description).toHtmlEscaped()));
    setWindowTitle(tr("pfviz — %1").arg(m_ctl.scenarioName()));
}

void MainWindow::updateScenarioList() {
    const auto& all = pfviz::builtinScenarios();
    for (int i = 0; i < m_scenarios->count() && i < int(all.size()); ++i) {
        const auto& b = all[std::size_t(i)];
        QListWidgetItem* item = m_scenarios->item(i);
        const QString name = item->data(Qt::UserRole).toString();
        QString title = name;
        QString desc;
        try {
            const auto s = pfviz::parseScenario(b.json, name.toStdString() + ".json");
            title = AppSettings::captionText(s.title);
            desc = AppSettings::captionText(s.description);
        } catch (const std::exception&) {
        }
        item->setText(tr("%1 — %2").arg(name, title));
        item->setToolTip(desc);
    }
}

void MainWindow::watchScenarioFile() {
    if (!m_fileWatcher->files().isEmpty()) m_fileWatcher->removePaths(m_fileWatcher->files());
    m_watchedFile = m_ctl.scenarioFile();
    m_reloadRetries = 0;
    if (!m_watchedFile.isEmpty()) m_fileWatcher->addPath(m_watchedFile);
}

void MainWindow::reloadScenarioFile() {
    if (m_watchedFile.isEmpty() || m_ctl.scenarioFile() != m_watchedFile) return;
    if (!QFileInfo::exists(m_watchedFile)) {
        // An editor that saves by writing a new file and renaming it: the path comes back soon.
        if (++m_reloadRetries < 40) m_reloadTimer->start();
        return;
    }
    m_reloadRetries = 0;
    // A replaced file is a new inode: the watcher forgot the path, so watch it again.
    if (!m_fileWatcher->files().contains(m_watchedFile)) m_fileWatcher->addPath(m_watchedFile);
    const quint64 step = m_ctl.sim() ? m_ctl.sim()->stepIndex() : 0;
    m_reloading = true;
    const bool ok = m_ctl.loadFile(m_watchedFile);
    m_reloading = false;
    if (!ok) return;  // the banner shows file:line:col; the previous scenario stays loaded
    m_fileError->hide();
    if (step <= m_ctl.sim()->totalSteps()) m_ctl.seek(step);
    statusBar()->showMessage(
        tr("%1 changed on disk and was reloaded.").arg(QFileInfo(m_watchedFile).fileName()), 6000);
}

void MainWindow::updateRecentMenu() {
    m_recentMenu->clear();
    const QStringList files = AppSettings::recentFiles();
    for (const QString& f : files)
        m_recentMenu->addAction(f, this, [this, f] { openScenario(f); });
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::openFileDialog() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open scenario"), QString(), tr("pfviz scenarios (*.json);;All files (*)"));
    if (!path.isEmpty()) openScenario(path);
}

bool MainWindow::openScenario(const QString& nameOrPath) {
    for (const auto& b : pfviz::builtinScenarios())
        if (QString::fromLatin1(b.name.data(), qsizetype(b.name.size())) == nameOrPath)
            return m_ctl.loadBuiltin(nameOrPath);
    const bool ok = m_ctl.loadFile(nameOrPath);
    if (ok) {
        AppSettings::addRecentFile(QFileInfo(nameOrPath).absoluteFilePath());
        updateRecentMenu();
    }
    return ok;
}

void MainWindow::updateProcessChoices() {
    const auto* sim = m_ctl.sim();
    const uint ptSel = m_ptProcess->currentData().toUInt();
    const uint logSel = m_logPid->currentData().toUInt();
    m_ptProcess->clear();
    m_logPid->clear();
    m_ptProcess->addItem(tr("Follow the current access"), 0u);
    m_logPid->addItem(tr("all processes"), 0u);
    if (sim)
        for (const auto& p : sim->machine().processes) {
            const QString n = EventText::processName(sim->machine(), p.pid);
            m_ptProcess->addItem(n, p.pid.value);
            m_logPid->addItem(n, p.pid.value);
        }
    m_ptProcess->setCurrentIndex(std::max(0, m_ptProcess->findData(ptSel)));
    m_logPid->setCurrentIndex(std::max(0, m_logPid->findData(logSel)));
}

QString MainWindow::statusText() const {
    const auto* sim = m_ctl.sim();
    if (!sim) return tr("No scenario loaded");
    const auto guard = m_ctl.readGuard();
    const auto& c = sim->machine().counters;
    return tr("Step %1 / %2   ·   time %3   ·   minor faults %4   ·   major %5   ·   invalid %6   "
              "·   "
              "CoW copy %7 / reuse %8   ·   TLB hits %9 / misses %10")
        .arg(sim->stepIndex())
        .arg(sim->totalSteps())
        .arg(EventText::simTime(sim->machine().now))
        .arg(c.faults.minor)
        .arg(c.faults.major)
        .arg(c.faults.invalid)
        .arg(c.faults.cowCopy)
        .arg(c.faults.cowReuse)
        .arg(c.tlbHits)
        .arg(c.tlbMisses);
}

QString MainWindow::narrationText() const {
    return m_narration->text();
}

void MainWindow::refresh() {
    const auto* sim = m_ctl.sim();
    if (!sim) return;
    m_status->setText(statusText());
    {
        const auto guard = m_ctl.readGuard();
        const auto* cap = sim->caption();
        // Before the first step there is no caption yet: introduce the scenario instead.
        if (sim->stepIndex() == 0 || !cap)
            m_narration->setText(AppSettings::captionText(sim->scenario().description));
        else
            m_narration->setText(AppSettings::captionText(*cap));
        const QSignalBlocker b(m_timeline);
        if (!m_timeline->isSliderDown())
            m_timeline->setValue(int(sim->stepIndex() / m_timelineScale));
        m_stepLabel->setText(tr("step %1 / %2").arg(sim->stepIndex()).arg(sim->totalSteps()));
    }
}

void MainWindow::applyScale() {
    const bool pres = Theme::instance().presenter();
    QFont f = QApplication::font();
    if (pres) f.setPixelSize(22);  // nothing under 20 px on a 1080p projector
    setFont(f);
    QFont n = f;
    n.setPixelSize(pres ? 34 : 20);
    n.setBold(pres);
    m_narration->setFont(n);
    const QFontMetrics fm(f);
    for (QTableView* v : findChildren<QTableView*>()) {
        v->verticalHeader()->setDefaultSectionSize(fm.height() + (pres ? 8 : 4));
        v->horizontalHeader()->setFont(f);
    }
    // Column widths from sample text (not from the rows: the page table may have millions).
    // A translated header can be wider than the English sample: take the wider of the two.
    const auto widths = [&fm](QTableView* v, std::initializer_list<const char*> samples) {
        int c = 0;
        for (const char* s : samples) {
            const QString header =
                v->model()->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
            const int w =
                std::max(fm.horizontalAdvance(QString::fromUtf8(s)), fm.horizontalAdvance(header));
            v->setColumnWidth(c++, w + fm.horizontalAdvance(QStringLiteral("MM")));
        }
    };
    widths(m_ptView, {"stack rw-p", "0xffffffffff000", "1048576", "P", "W", "D", "A",
                      "CoW, last sharer (reuse on write)"});
    widths(m_tlbView, {"Set", "Way", "Valid", "ASID", "parent (pid 1)", "0xffffffffff000",
                       "1048576", "W", "X", "LRU"});
    widths(m_procView,
           {"PID  ", "parent", "running (on CPU)", "RSS pages", "65536.0", "Swap pages",
            "Page tables", "Minor", "Major", "Invalid", "CoW copy/reuse", "SIGSEGV (MAPERR)"});
    widths(m_logView, {"1048576", "1234.5 µs", "PID", "page-table alloc"});
}

void MainWindow::setPresenterMode(bool on) {
    if (on == Theme::instance().presenter()) return;
    if (on) {
        m_normalState = saveState();
        for (auto* d : m_secondary)
            d->hide();
        statusBar()->setVisible(true);
    }
    Theme::instance().setPresenter(on);
    if (!on && !m_normalState.isEmpty()) restoreState(m_normalState);
    if (on) {
        // The centre gets the room: page tables and memory share the right third.
        for (auto* d : m_docks)
            if (std::find(m_secondary.begin(), m_secondary.end(), d) == m_secondary.end())
                resizeDocks({d}, {width() / 3}, Qt::Horizontal);
    }
    const QSignalBlocker b(m_presenterAction);
    m_presenterAction->setChecked(on);
}

bool MainWindow::presenterMode() const {
    return Theme::instance().presenter();
}

void MainWindow::setBlanked(bool on) {
    m_blank->setGeometry(rect());
    m_blank->setVisible(on);
    if (on) m_blank->raise();
}

bool MainWindow::blanked() const {
    return m_blank->isVisible();
}

void MainWindow::setAnimationsEnabled(bool on) {
    m_flow->setAnimationsEnabled(on);
}

void MainWindow::resizeEvent(QResizeEvent* e) {
    QMainWindow::resizeEvent(e);
    m_blank->setGeometry(rect());
}

void MainWindow::closeEvent(QCloseEvent* e) {
    m_ctl.pause();
    if (AppSettings::persistent()) {
        if (presenterMode()) setPresenterMode(false);
        QSettings s;
        s.setValue(QStringLiteral("window/geometry"), saveGeometry());
        s.setValue(QStringLiteral("window/state"), saveState());
    }
    QMainWindow::closeEvent(e);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* e) {
    if (e->mimeData()->hasUrls()) e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* e) {
    const auto urls = e->mimeData()->urls();
    if (!urls.isEmpty() && urls.front().isLocalFile()) {
        openScenario(urls.front().toLocalFile());
        e->acceptProposedAction();
    }
}

}  // namespace pfviz::ui
