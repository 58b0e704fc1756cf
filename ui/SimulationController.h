#pragma once
// The only door between the widgets and the engine (style §6). It owns the Simulator, steps it
// on a timer (slow speeds, GUI thread) or in ~20 ms batches on a worker thread (full speed), and
// tells the views what changed: `simulationChanged` at once (models adjust rows), `stateChanged`
// coalesced to at most ~30 per second (redraws). Views only read, through readGuard().
#include <QElapsedTimer>
#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>
#include <atomic>
#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

#include "pfviz/Event.h"
#include "pfviz/Simulator.h"

namespace pfviz::ui {

/// How the state moved, so that models can update rows instead of resetting.
enum class Change {
    Step,     // exactly one step forward: lastEvents() are its events
    Forward,  // several steps forward (a batch, a run-to)
    Reset,    // backwards, a seek or a new scenario: rebuild
};

/// The events of one executed step (the event log keeps the last few of these).
struct StepRecord {
    std::uint64_t step{};
    std::vector<pfviz::Event> events;
};

class SimulationController : public QObject {
    Q_OBJECT
public:
    /// Playback speeds, slowest first. The first three animate event by event.
    enum Speed { SlowMotion, Slow, Normal, Fast, Faster, Full, SpeedCount };
    static constexpr std::size_t kLogSteps = 40;

    explicit SimulationController(QObject* parent = nullptr);
    ~SimulationController() override;

    /// Hold while reading sim() outside a signal of this class (paint, data(), tooltips): a
    /// full-speed batch may be running. The worker locks per step, so this waits at most one
    /// step; a step that takes longer (a keyframe copy of a huge machine) makes the guard give up
    /// after a few ms: check owns_lock() and draw nothing rather than freeze the window.
    using Guard = std::unique_lock<std::recursive_timed_mutex>;
    Guard readGuard() const {
        Guard g(m_mutex, std::defer_lock);
        (void)g.try_lock_for(std::chrono::milliseconds(8));
        return g;
    }
    const pfviz::Simulator* sim() const { return m_sim.get(); }
    bool hasScenario() const { return m_sim != nullptr; }
    QString scenarioName() const { return m_name; }
    QString scenarioFile() const { return m_file; }

    /// Loads a built-in scenario or a file. On failure emits loadFailed and keeps the current one.
    bool loadBuiltin(const QString& name);
    bool loadFile(const QString& path);
    bool loadText(const QString& text, const QString& fileLabel, const QString& name);

    /// Index of the event shown now within the last step's events (the sub-step cursor).
    int eventCursor() const { return m_cursor; }
    const std::deque<StepRecord>& recentSteps() const { return m_recent; }

    /// The latest CoW resolution of (pid, virtual page) before the current step, if any:
    /// CowCopy or CowReuse. Derived from what was executed, so it follows step back exactly.
    std::optional<pfviz::EventKind> cowHistory(pfviz::Pid pid, pfviz::Vpn vpn) const;

    bool playing() const { return m_playing; }
    bool workerActive() const { return m_workerActive.load(); }
    int speed() const { return m_speed; }
    /// Milliseconds per event at animated speeds, 0 when events are not animated.
    int msPerEvent() const;

    bool breaksOn(pfviz::EventKind k) const { return m_breakOn.contains(int(k)); }
    void setBreakOn(pfviz::EventKind k, bool on);
    /// True when `events` contain a kind playback stops at.
    bool shouldBreak(const std::vector<pfviz::Event>& events) const;

    /// Synchronous run until an event of `kind` (for --run-to and tests). False if none came.
    bool runToKindNow(pfviz::EventKind kind);

public slots:
    void stepForward();
    void stepBack();
    void subStepForward();
    void subStepBack();
    void restart();
    void seek(quint64 step);
    void play();
    void pause();
    void togglePlay();
    void setSpeed(int speed);
    /// Runs at full speed until a "break on" event, a checkpoint or the end.
    void runToNextBreak();
    void setEventCursor(int cursor);

signals:
    void scenarioLoaded();
    void loadFailed(const QString& message);
    void simulationChanged(pfviz::ui::Change change);
    void stateChanged();
    void eventCursorChanged(int cursor);
    void playingChanged(bool playing);
    void runProgress(quint64 step, quint64 total);

private:
    void install(std::unique_ptr<pfviz::Simulator> sim, const QString& name, const QString& file);
    void afterSingleStep();
    void seekInternal(std::uint64_t target);
    void stopWorker();
    void startBatch();
    void onBatchFinished();
    void onTick();
    void scheduleRefresh();
    void updateTimer();
    void record(const std::vector<pfviz::Event>& events);

    std::unique_ptr<pfviz::Simulator> m_sim;
    QString m_name;
    QString m_file;
    mutable std::recursive_timed_mutex m_mutex;
    std::deque<StepRecord> m_recent;
    struct CowMark {
        std::uint64_t step;
        pfviz::EventKind kind;
    };
    std::unordered_map<std::uint64_t, std::vector<CowMark>> m_cow;  // key: pid << 48 | vpn
    int m_cursor{-1};
    bool m_playing{false};
    bool m_fullRun{false};  // this run goes at full speed whatever the speed setting
    int m_speed{Normal};
    QSet<int> m_breakOn;
    QTimer m_tick;
    QTimer m_refresh;
    QElapsedTimer m_sinceRefresh;
    std::atomic<bool> m_workerActive{false};
    std::atomic<bool> m_stopRequested{false};
    bool m_batchHitBreak{false};
    QFutureWatcher<void> m_watcher;
};

}  // namespace pfviz::ui

Q_DECLARE_METATYPE(pfviz::ui::Change)
