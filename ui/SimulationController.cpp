#include "ui/SimulationController.h"

#include <QFile>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include "BuiltinScenarios.h"
#include "pfviz/ScenarioIo.h"

namespace pfviz::ui {
namespace {
constexpr int kRefreshMs = 33;               // at most ~30 redraws per second
constexpr int kBatchMs = 25;                 // one worker batch at full speed
constexpr int kPaintGapMs = 12;              // idle time after a redraw, for the paint events
constexpr std::uint64_t kFarSeek = 200'000;  // forward seeks longer than this run on the worker
}  // namespace

SimulationController::SimulationController(QObject* parent) : QObject(parent) {
    qRegisterMetaType<pfviz::ui::Change>();
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(kRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        m_sinceRefresh.restart();
        emit stateChanged();
    });
    m_sinceRefresh.start();
    connect(&m_tick, &QTimer::timeout, this, &SimulationController::onTick);
    connect(&m_watcher, &QFutureWatcher<void>::finished, this,
            &SimulationController::onBatchFinished);
    m_breakOn.insert(int(pfviz::EventKind::Checkpoint));
}

SimulationController::~SimulationController() {
    stopWorker();
}

bool SimulationController::loadBuiltin(const QString& name) {
    for (const auto& b : pfviz::builtinScenarios()) {
        if (QString::fromLatin1(b.name.data(), qsizetype(b.name.size())) == name)
            return loadText(QString::fromUtf8(b.json.data(), qsizetype(b.json.size())),
                            name + QStringLiteral(".json"), name);
    }
    emit loadFailed(tr("There is no built-in scenario named \"%1\".").arg(name));
    return false;
}

bool SimulationController::loadFile(const QString& path) {
    try {
        auto scenario = pfviz::loadScenarioFile(path.toStdString());
        auto sim = std::make_unique<pfviz::Simulator>(std::move(scenario));
        install(std::move(sim), QFileInfo(path).completeBaseName(), path);
        return true;
    } catch (const std::exception& e) {
        emit loadFailed(QString::fromStdString(e.what()));
        return false;
    }
}

bool SimulationController::loadText(const QString& text, const QString& fileLabel,
                                    const QString& name) {
    try {
        auto scenario = pfviz::parseScenario(text.toStdString(), fileLabel.toStdString());
        auto sim = std::make_unique<pfviz::Simulator>(std::move(scenario));
        install(std::move(sim), name, QString());
        return true;
    } catch (const std::exception& e) {
        emit loadFailed(QString::fromStdString(e.what()));
        return false;
    }
}

void SimulationController::install(std::unique_ptr<pfviz::Simulator> sim, const QString& name,
                                   const QString& file) {
    stopWorker();
    pause();
    {
        auto g = readGuard();
        m_sim = std::move(sim);
        m_sim->setEventSink([this](const std::vector<pfviz::Event>& ev) { record(ev); });
        m_recent.clear();
        m_cow.clear();
        m_cursor = -1;
        m_name = name.isEmpty() && !m_sim->scenario().name.empty()
                     ? QString::fromStdString(m_sim->scenario().name)
                     : name;
        if (!m_sim->scenario().name.empty())
            m_name = QString::fromStdString(m_sim->scenario().name);
        m_file = file;
    }
    emit scenarioLoaded();
    emit simulationChanged(Change::Reset);
    emit eventCursorChanged(m_cursor);
    m_sinceRefresh.restart();
    emit stateChanged();
}

void SimulationController::record(const std::vector<pfviz::Event>& events) {
    // Called by the Simulator after each real (not replayed) step, on whichever thread steps.
    const std::uint64_t step = m_sim->stepIndex() - 1;
    for (const auto& e : events) {
        if (e.kind != pfviz::EventKind::CowCopy && e.kind != pfviz::EventKind::CowReuse) continue;
        auto& marks =
            m_cow[(std::uint64_t(e.pid.value) << 48) | m_sim->machine().vpnOf(e.va).value];
        while (!marks.empty() &&
               marks.back().step >= step)  // an abandoned future (after a step back)
            marks.pop_back();
        marks.push_back(CowMark{step, e.kind});
    }
    m_recent.push_back(StepRecord{step, events});
    while (m_recent.size() > kLogSteps)
        m_recent.pop_front();
}

std::optional<pfviz::EventKind> SimulationController::cowHistory(pfviz::Pid pid,
                                                                 pfviz::Vpn vpn) const {
    if (!m_sim) return std::nullopt;
    const auto it = m_cow.find((std::uint64_t(pid.value) << 48) | vpn.value);
    if (it == m_cow.end()) return std::nullopt;
    for (auto m = it->second.rbegin(); m != it->second.rend(); ++m)
        if (m->step < m_sim->stepIndex()) return m->kind;
    return std::nullopt;
}

int SimulationController::msPerEvent() const {
    switch (m_speed) {
        case SlowMotion:
            return 2000;
        case Slow:
            return 700;
        case Normal:
            return 220;
        default:
            return 0;
    }
}

void SimulationController::setBreakOn(pfviz::EventKind k, bool on) {
    if (on)
        m_breakOn.insert(int(k));
    else
        m_breakOn.remove(int(k));
}

bool SimulationController::shouldBreak(const std::vector<pfviz::Event>& events) const {
    for (const auto& e : events)
        if (m_breakOn.contains(int(e.kind))) return true;
    return false;
}

void SimulationController::afterSingleStep() {
    const auto& ev = m_sim->lastEvents();
    m_cursor = ev.empty() ? -1 : int(ev.size()) - 1;
    emit simulationChanged(Change::Step);
    emit eventCursorChanged(m_cursor);
    scheduleRefresh();
}

void SimulationController::stepForward() {
    if (!m_sim) return;
    stopWorker();
    if (m_sim->atEnd()) {
        pause();
        return;
    }
    m_sim->step();
    afterSingleStep();
}

void SimulationController::stepBack() {
    if (!m_sim || m_sim->stepIndex() == 0) return;
    stopWorker();
    pause();
    seekInternal(m_sim->stepIndex() - 1);
}

void SimulationController::subStepForward() {
    if (!m_sim) return;
    stopWorker();
    const int n = int(m_sim->lastEvents().size());
    if (m_cursor + 1 < n) {
        setEventCursor(m_cursor + 1);
        return;
    }
    if (m_sim->atEnd()) return;
    m_sim->step();
    afterSingleStep();
    setEventCursor(m_sim->lastEvents().empty() ? -1 : 0);
}

void SimulationController::subStepBack() {
    if (!m_sim) return;
    stopWorker();
    pause();
    if (m_cursor > 0) {
        setEventCursor(m_cursor - 1);
        return;
    }
    stepBack();
}

void SimulationController::setEventCursor(int cursor) {
    if (!m_sim) return;
    const int n = int(m_sim->lastEvents().size());
    cursor = n == 0 ? -1 : std::clamp(cursor, 0, n - 1);
    if (cursor == m_cursor) return;
    m_cursor = cursor;
    emit eventCursorChanged(m_cursor);
    scheduleRefresh();
}

void SimulationController::restart() {
    if (!m_sim) return;
    stopWorker();
    pause();
    seekInternal(0);
}

void SimulationController::seek(quint64 step) {
    if (!m_sim) return;
    stopWorker();
    pause();
    seekInternal(std::min<std::uint64_t>(step, m_sim->totalSteps()));
}

void SimulationController::seekInternal(std::uint64_t target) {
    // The log shows the events of the last kLogSteps steps: replay to just before them, then
    // step through them so the sink records them.
    const std::uint64_t k = std::min<std::uint64_t>(kLogSteps, target);
    if (target > m_sim->stepIndex() + kFarSeek) {
        // A long way forward: go on the worker so the window keeps painting.
        m_playing = true;
        m_fullRun = true;
        emit playingChanged(true);
        const std::uint64_t stopAt = target - k;
        m_workerActive = true;
        m_stopRequested = false;
        m_batchHitBreak = false;
        m_watcher.setFuture(QtConcurrent::run([this, stopAt, target] {
            while (m_sim->stepIndex() < stopAt && !m_stopRequested && !m_sim->atEnd()) {
                std::lock_guard<std::recursive_timed_mutex> g(m_mutex);
                m_sim->runUntil(nullptr, std::min<std::uint64_t>(256, stopAt - m_sim->stepIndex()));
            }
            std::lock_guard<std::recursive_timed_mutex> g(m_mutex);
            m_recent.clear();
            while (m_sim->stepIndex() < target && !m_stopRequested && !m_sim->atEnd())
                m_sim->step();
            m_batchHitBreak = true;  // the seek is done: stop there
        }));
        return;
    }
    m_sim->seek(target - k);
    m_recent.clear();
    while (m_sim->stepIndex() < target && !m_sim->atEnd())
        m_sim->step();
    const auto& ev = m_sim->lastEvents();
    m_cursor = ev.empty() || m_sim->stepIndex() == 0 ? -1 : int(ev.size()) - 1;
    emit simulationChanged(Change::Reset);
    emit eventCursorChanged(m_cursor);
    scheduleRefresh();
}

bool SimulationController::runToKindNow(pfviz::EventKind kind) {
    if (!m_sim) return false;
    stopWorker();
    pause();
    bool found = false;
    while (!m_sim->atEnd() && !found) {
        const auto& ev = m_sim->step();
        for (const auto& e : ev)
            if (e.kind == kind) found = true;
    }
    const auto& ev = m_sim->lastEvents();
    m_cursor = ev.empty() ? -1 : int(ev.size()) - 1;
    emit simulationChanged(Change::Forward);
    emit eventCursorChanged(m_cursor);
    m_sinceRefresh.restart();
    emit stateChanged();
    return found;
}

void SimulationController::play() {
    if (!m_sim || m_playing) return;
    if (m_sim->atEnd()) return;
    m_playing = true;
    m_fullRun = false;
    emit playingChanged(true);
    updateTimer();
}

void SimulationController::pause() {
    m_tick.stop();
    if (m_workerActive) m_stopRequested = true;
    if (!m_playing) return;
    m_playing = false;
    m_fullRun = false;
    emit playingChanged(false);
}

void SimulationController::togglePlay() {
    if (m_playing)
        pause();
    else
        play();
}

void SimulationController::runToNextBreak() {
    if (!m_sim || m_sim->atEnd()) return;
    stopWorker();
    m_playing = true;
    m_fullRun = true;
    emit playingChanged(true);
    updateTimer();
}

void SimulationController::setSpeed(int speed) {
    m_speed = std::clamp(speed, 0, int(SpeedCount) - 1);
    if (m_playing) updateTimer();
}

void SimulationController::updateTimer() {
    if (!m_playing) return;
    if (m_fullRun || m_speed == Full) {
        m_tick.stop();
        if (!m_workerActive) startBatch();
        return;
    }
    switch (m_speed) {
        case Fast:
            m_tick.start(120);
            break;
        case Faster:
            m_tick.start(15);
            break;
        default:
            m_tick.start(msPerEvent());
            break;
    }
}

void SimulationController::onTick() {
    if (!m_sim || !m_playing) return;
    const int n = int(m_sim->lastEvents().size());
    if (msPerEvent() > 0 && m_cursor + 1 < n) {  // animated speeds walk the events one by one
        setEventCursor(m_cursor + 1);
        return;
    }
    if (m_sim->atEnd()) {
        pause();
        return;
    }
    const auto& ev = m_sim->step();
    const bool brk = shouldBreak(ev);
    afterSingleStep();
    if (msPerEvent() > 0 && !brk) setEventCursor(0);
    if (brk || m_sim->atEnd()) pause();
}

void SimulationController::startBatch() {
    m_workerActive = true;
    m_stopRequested = false;
    m_batchHitBreak = false;
    m_watcher.setFuture(QtConcurrent::run([this] {
        QElapsedTimer t;
        t.start();
        while (!m_stopRequested && !m_sim->atEnd() && t.elapsed() < kBatchMs) {
            std::lock_guard<std::recursive_timed_mutex> g(
                m_mutex);  // per step: readers wait little
            if (shouldBreak(m_sim->step())) {
                m_batchHitBreak = true;
                return;
            }
        }
    }));
}

void SimulationController::onBatchFinished() {
    if (!m_workerActive) return;
    m_workerActive = false;
    const auto& ev = m_sim->lastEvents();
    m_cursor = ev.empty() ? -1 : int(ev.size()) - 1;
    emit simulationChanged(Change::Forward);
    emit eventCursorChanged(m_cursor);
    emit runProgress(m_sim->stepIndex(), m_sim->totalSteps());
    const bool done = m_batchHitBreak || m_sim->atEnd() || m_stopRequested || !m_playing;
    if (done) {
        m_refresh.stop();
        m_sinceRefresh.restart();
        emit stateChanged();
        if (m_playing) {
            m_playing = false;
            m_fullRun = false;
            emit playingChanged(false);
        }
        return;
    }
    // Redraw between batches, while the worker is idle; the next batch starts after the posted
    // paint events have been handled (a zero timer runs after them).
    int gap = 0;
    if (m_sinceRefresh.elapsed() >= kRefreshMs) {
        m_sinceRefresh.restart();
        emit stateChanged();
        gap = kPaintGapMs;  // let the views paint (they read the engine) before the next batch
    }
    QTimer::singleShot(gap, this, [this] {
        if (m_playing && !m_workerActive && (m_fullRun || m_speed == Full)) startBatch();
    });
}

void SimulationController::stopWorker() {
    if (!m_workerActive) return;
    m_stopRequested = true;
    m_watcher.waitForFinished();
    // The finished signal may still be queued; handle the end of the run now so the state is
    // consistent (the late signal then finds no active worker and does nothing).
    onBatchFinished();
}

void SimulationController::scheduleRefresh() {
    if (m_refresh.isActive()) return;
    const qint64 since = m_sinceRefresh.elapsed();
    m_refresh.start(since >= kRefreshMs ? 0 : int(kRefreshMs - since));
}

}  // namespace pfviz::ui
