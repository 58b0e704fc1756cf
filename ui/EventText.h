#pragma once
// Words for engine events. The engine emits EventKind and numbers; every sentence a user reads
// is made here, through tr(), with whole-sentence templates (no concatenated fragments).
#include <QCoreApplication>
#include <QString>

#include "pfviz/Event.h"
#include "pfviz/Machine.h"

namespace pfviz::ui {

class EventText {
    Q_DECLARE_TR_FUNCTIONS(EventText)
public:
    /// Short name of an event kind ("TLB miss", "CoW copy").
    static QString label(pfviz::EventKind k);
    /// One line in plain words: what happened and why, citing the semantics rule where natural.
    static QString explain(const pfviz::Event& e, const pfviz::Machine& m);
    static QString processName(const pfviz::Machine& m, pfviz::Pid pid);
    /// "zram", "hard disk" or "SSD": a swap device's kind in words.
    static QString swapKindName(pfviz::SwapKind kind);
    static QString hex(std::uint64_t v);
    static QString simTime(std::uint64_t ns);
};

/// The function the issue names; forwards to EventText::explain.
inline QString explainEvent(const pfviz::Event& e, const pfviz::Machine& m) {
    return EventText::explain(e, m);
}

}  // namespace pfviz::ui
