#include "ui/FlowView.h"

#include <QGraphicsEllipseItem>
#include <QGraphicsItem>
#include <QPainter>
#include <QPainterPath>

#include "ui/EventText.h"

namespace pfviz::ui {

namespace {
constexpr double kW = 1100;
constexpr double kH = 770;

const char* const kLevelNames4[] = {"PGD", "PUD", "PMD", "PTE"};
const char* const kLevelNames5[] = {"PGD", "P4D", "PUD", "PMD", "PTE"};

QString levelName(unsigned level, unsigned levels) {
    if (levels == 4) return QString::fromLatin1(kLevelNames4[level]);
    if (levels == 5) return QString::fromLatin1(kLevelNames5[level]);
    if (levels == 2) return QString::fromLatin1(level == 0 ? "PGD" : "PTE");
    return QStringLiteral("L%1").arg(level);
}

/// Colours of the index fields of the address (level i) and the offset; they repeat in the walk
/// boxes so the eye can match a field to the table it indexes.
QColor fieldColor(unsigned level) {
    static const QColor c[] = {okabe::SkyBlue, okabe::Orange, okabe::BluishGreen,
                               okabe::ReddishPurple, okabe::Yellow};
    return c[level % 5];
}
}  // namespace

/// The whole diagram as one item: blocks, routes, the address split and the outcome label.
class FlowDiagramItem : public QGraphicsItem {
public:
    explicit FlowDiagramItem(const FlowView& view) : m_view(view) {}
    QRectF boundingRect() const override { return {0, 0, kW, kH}; }
    QRectF blockRect(FlowView::Block b) const;
    void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

private:
    void drawBlock(QPainter* p, FlowView::Block b, const QString& title, const QString& body,
                   bool greyed, bool visited, bool current, Outcome o) const;
    void drawAddress(QPainter* p, const FlowSnapshot& s) const;
    void drawTlbGrid(QPainter* p, const QRectF& r, const FlowSnapshot& s) const;
    const FlowView& m_view;
};

QRectF FlowDiagramItem::blockRect(FlowView::Block b) const {
    // Three rows: hardware (CPU, MMU, TLB, and the kernel threads that act on memory pressure),
    // the page-table walk, and the kernel's fault path.
    const double top1 = 130, h1 = 170, top2 = 330, h2 = 140, top3 = 500, h3 = 120;
    switch (b) {
        case FlowView::Cpu:
            return {20, top1, 150, h1};
        case FlowView::Mmu:
            return {190, top1, 150, h1};
        case FlowView::Tlb:
            return {360, top1, 400, h1};
        case FlowView::Kswapd:
            return {780, top1, 140, h1};
        case FlowView::Oom:
            return {940, top1, 140, h1};
        case FlowView::Walk0:
        case FlowView::Walk1:
        case FlowView::Walk2:
        case FlowView::Walk3:
        case FlowView::Walk4: {
            const unsigned levels = std::max(1u, m_view.m_snap.geometry.levels());
            const double w = (kW - 40 + 20) / levels;
            const int l = int(b) - int(FlowView::Walk0);
            return {20 + l * w, top2, w - 20, h2};
        }
        case FlowView::Fault:
            return {20, top3, 200, h3};
        case FlowView::Alloc:
            return {240, top3, 210, h3};
        case FlowView::ZeroPage:
            return {470, top3, 160, h3};
        case FlowView::Swap:
            return {650, top3, 170, h3};
        case FlowView::Disk:
            return {840, top3, 240, h3};
        default:
            return {};
    }
}

void FlowDiagramItem::drawBlock(QPainter* p, FlowView::Block b, const QString& title,
                                const QString& body, bool greyed, bool visited, bool current,
                                Outcome o) const {
    const QRectF r = blockRect(b);
    const double s = Theme::instance().scale();
    QColor fill = greyed ? QColor(0xF2, 0xF2, 0xF2) : QColor(0xFF, 0xFF, 0xFF);
    if (current) fill = Theme::outcomeColor(o).lighter(175);
    QPen pen(greyed ? Theme::greyedColor() : QColor(0x30, 0x30, 0x30), 1.5 * s);
    if (visited && !greyed) {
        pen = QPen(Theme::outcomeColor(o), (current ? 6 : 4) * s);
        pen.setStyle(Qt::SolidLine);
    }
    p->setPen(pen);
    p->setBrush(fill);
    p->drawRoundedRect(r, 10, 10);
    p->setPen(greyed ? Theme::greyedColor() : Qt::black);
    QFont tf = Theme::instance().font(1.0, true);
    tf.setPixelSize(20);
    p->setFont(tf);
    const QRectF tr(r.left() + 8, r.top() + 6, r.width() - 16, 28);
    p->drawText(tr, Qt::AlignHCenter | Qt::AlignTop | Qt::TextSingleLine, title);
    QFont bf = Theme::instance().font();
    bf.setPixelSize(18);
    p->setFont(bf);
    p->drawText(r.adjusted(8, 36, -8, -6), Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                body);
}

void FlowDiagramItem::drawAddress(QPainter* p, const FlowSnapshot& s) const {
    // Virtual address split into its fields, from the geometry (T1).
    pfviz::VirtAddr va = 0;
    bool have = false;
    for (const auto& e : s.events)
        if (e.kind == pfviz::EventKind::AccessStart) {
            va = e.va;
            have = true;
        }
    QFont f = Theme::instance().font();
    f.setPixelSize(20);
    f.setBold(true);
    p->setFont(f);
    p->setPen(Qt::black);
    if (!have) {
        p->drawText(
            QRectF(20, 10, kW - 40, 100), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
            QObject::tr("No memory access in this step: a system call or a script operation."));
        return;
    }
    p->drawText(
        QRectF(20, 4, kW - 40, 30), Qt::AlignLeft | Qt::AlignVCenter,
        QObject::tr("Virtual address %1, split into its fields (T1)").arg(EventText::hex(va)));
    const auto& g = s.geometry;
    const unsigned levels = g.levels();
    const double x0 = 20, w = kW - x0 - 20;
    const unsigned total = g.vaBits();
    double x = x0;
    f.setBold(false);
    f.setPixelSize(18);
    p->setFont(f);
    for (unsigned l = 0; l <= levels; ++l) {
        const unsigned bits = l < levels ? g.levelBits[l] : g.pageBits;
        const double fw = w * bits / total;
        const QRectF r(x, 38, fw - 6, 76);
        p->setPen(QPen(Qt::black, 1.5));
        p->setBrush(l < levels ? fieldColor(l).lighter(140) : QColor(0xDD, 0xDD, 0xDD));
        p->drawRect(r);
        const unsigned lo = l < levels ? g.shiftOf(l) : 0;
        const std::uint64_t value = l < levels ? g.indexAt(va, l) : (va & (g.pageSize() - 1));
        const QString name = l < levels ? levelName(l, levels) : QObject::tr("offset");
        p->drawText(r.adjusted(4, 2, -4, -2), Qt::AlignCenter,
                    QObject::tr("%1 index\nbits %2–%3\n= %4")
                        .arg(name)
                        .arg(lo + bits - 1)
                        .arg(lo)
                        .arg(value));
        x += fw;
        if (x > kW - 20) break;
    }
}

void FlowDiagramItem::drawTlbGrid(QPainter* p, const QRectF& r, const FlowSnapshot& s) const {
    const std::size_t n = std::min<std::size_t>(s.tlb.size(), 128);
    if (n == 0) return;
    const std::uint32_t ways = std::max<std::uint32_t>(1, s.tlbWays);
    const std::size_t sets = (n + ways - 1) / ways;
    // Sets as columns, ways as rows, so a 16x4 TLB is a wide strip.
    const double cw = std::min(24.0, r.width() / double(sets));
    const double ch = std::min(22.0, r.height() / double(ways));
    std::uint32_t hit = ~0u, fill = ~0u;
    for (int i = 0; i <= s.cursor && i < int(s.events.size()); ++i) {
        const auto& e = s.events[std::size_t(i)];
        if (e.kind == pfviz::EventKind::TlbHit) hit = e.index;
        if (e.kind == pfviz::EventKind::TlbFill) fill = e.index;
    }
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t set = i / ways, way = i % ways;
        const QRectF c(r.left() + set * cw, r.top() + way * ch, cw - 2, ch - 2);
        const auto& e = s.tlb[i];
        p->setPen(QPen(QColor(0x70, 0x70, 0x70), 1));
        const std::uint32_t owner = i < s.tlbPid.size() ? s.tlbPid[i] : 0;
        p->setBrush(e.valid ? Theme::processColor(owner).lighter(120) : QColor(Qt::white));
        p->drawRect(c);
        if (i == hit || i == fill) {
            // Hit: thick green frame; fill: thick black frame with a cross (shape, not only
            // colour).
            p->setPen(QPen(i == hit ? Theme::outcomeColor(Outcome::TlbHit) : QColor(Qt::black), 4));
            p->setBrush(Qt::NoBrush);
            p->drawRect(c.adjusted(-1, -1, 1, 1));
            if (i != hit) {
                p->drawLine(c.topLeft(), c.bottomRight());
                p->drawLine(c.topRight(), c.bottomLeft());
            }
        }
    }
}

void FlowDiagramItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    const FlowSnapshot& s = m_view.m_snap;
    p->setRenderHint(QPainter::Antialiasing);
    p->fillRect(boundingRect(), Qt::white);
    if (!s.valid) return;
    const Outcome o = m_view.outcome();
    const unsigned levels = s.geometry.levels();

    // Which blocks the shown events visited, in order.
    std::vector<FlowView::Block> path;
    bool visited[FlowView::BlockCount] = {};
    for (int i = 0; i <= s.cursor && i < int(s.events.size()); ++i) {
        const auto b = FlowView::blockOf(s.events[std::size_t(i)]);
        visited[b] = true;
        if (path.empty() || path.back() != b) path.push_back(b);
    }
    const FlowView::Block current = s.cursor >= 0 && s.cursor < int(s.events.size())
                                        ? FlowView::blockOf(s.events[std::size_t(s.cursor)])
                                        : FlowView::BlockCount;
    drawAddress(p, s);

    // Routes between consecutive blocks, in the outcome's colour and dash pattern.
    const double sc = Theme::instance().scale();
    QPen route(Theme::outcomeColor(o), 5 * sc, Theme::outcomePen(o), Qt::RoundCap);
    p->setPen(route);
    for (std::size_t i = 1; i < path.size(); ++i)
        p->drawLine(blockRect(path[i - 1]).center(), blockRect(path[i]).center());

    // Details for the blocks from the events shown so far.
    QString tlbText = QObject::tr("%1 entries, %2-way").arg(s.tlb.size()).arg(s.tlbWays);
    QString walk[5];
    QString faultText = QObject::tr("idle");
    QString allocText = QObject::tr("idle");
    QString zeroText = QObject::tr("frame 0, shared, read-only");
    QString cpuText = s.processName;
    QString oomText = QObject::tr("idle");
    bool oomActs = false;
    QString diskText = s.usedDisk ? QObject::tr("idle") : QObject::tr("not used yet");
    bool diskActs = false;
    // Swap: the device a slot lives on when there are several (zram first, then a disk ...).
    const auto deviceOf = [&s](std::uint32_t slot) -> QString {
        if (s.swapAreas.size() < 2) return {};
        for (const auto& a : s.swapAreas)
            if (slot >= a.first && slot - a.first < a.pages) return EventText::swapKindName(a.kind);
        return {};
    };
    std::uint64_t swapPages = 0;
    for (const auto& a : s.swapAreas)
        swapPages += a.pages;
    QString swapText = swapPages == 0 ? QObject::tr("none configured")
                       : s.usedSwap
                           ? QObject::tr("%1 of %2 slots used").arg(s.swapUsed).arg(swapPages)
                           : QObject::tr("not used yet");
    bool swapActs = false;
    std::uint64_t swapOuts = 0;
    bool kswapdAwake = s.kswapdAwakeBefore;
    QString kswapdText;
    for (int i = 0; i <= s.cursor && i < int(s.events.size()); ++i) {
        const auto& e = s.events[std::size_t(i)];
        using K = pfviz::EventKind;
        switch (e.kind) {
            case K::AccessStart:
                cpuText = e.access == pfviz::Access::Write
                              ? QObject::tr("%1\nwrites").arg(s.processName)
                          : e.access == pfviz::Access::Read
                              ? QObject::tr("%1\nreads").arg(s.processName)
                              : QObject::tr("%1\nexecutes").arg(s.processName);
                break;
            case K::TlbHit:
                tlbText = QObject::tr("hit: frame %1").arg(e.frame.value);
                break;
            case K::TlbMiss:
                tlbText = QObject::tr("miss");
                break;
            case K::TlbFill:
                tlbText = QObject::tr("filled: frame %1").arg(e.frame.value);
                break;
            case K::TlbFlush:
                tlbText = QObject::tr("flushed %1").arg(e.count);
                break;
            case K::WalkLevel:
                if (e.level < 5 && e.present && e.full)
                    walk[e.level] = QObject::tr("[%1] huge page\ntable in frame %2")
                                        .arg(e.index)
                                        .arg(e.tableFrame.value);
                else if (e.level < 5)
                    walk[e.level] = e.present ? QObject::tr("[%1] present\ntable in frame %2")
                                                    .arg(e.index)
                                                    .arg(e.tableFrame.value)
                                              : QObject::tr("[%1] empty\ntable in frame %2")
                                                    .arg(e.index)
                                                    .arg(e.tableFrame.value);
                break;
            case K::PteSet:
                if (levels > 0 && levels <= 5)
                    walk[levels - 1] = QObject::tr("PTE set → frame %1").arg(e.frame.value);
                break;
            case K::PmdSet:
                if (levels > 1 && levels <= 5)
                    walk[levels - 2] =
                        QObject::tr("PMD set → huge page\nat frame %1").arg(e.frame.value);
                break;
            case K::ThpAlloc:
                allocText =
                    QObject::tr("huge page: %1 frames\nfrom %2").arg(e.count).arg(e.frame.value);
                break;
            case K::ThpSplit:
                faultText = QObject::tr("huge page split");
                break;
            case K::ThpFallback:
                faultText = QObject::tr("THP fallback: 4 KiB");
                break;
            case K::HugeZeroPageMap:
                zeroText = QObject::tr("huge zero page");
                break;
            case K::PageFault:
                faultText = QObject::tr("#PF raised");
                break;
            case K::MinorFault:
                faultText = QObject::tr("minor fault");
                break;
            case K::MajorFault:
                faultText = QObject::tr("major fault");
                break;
            case K::InvalidAccess:
                faultText = QObject::tr("SIGSEGV");
                break;
            case K::CowCopy:
                faultText =
                    QObject::tr("CoW copy %1 → %2").arg(e.oldFrame.value).arg(e.frame.value);
                break;
            case K::CowReuse:
                faultText = QObject::tr("CoW reuse %1").arg(e.frame.value);
                break;
            case K::FrameAlloc:
                allocText = QObject::tr("frame %1 allocated").arg(e.frame.value);
                break;
            case K::PageTableAlloc:
                allocText = QObject::tr("table frame %1 (L%2)").arg(e.frame.value).arg(e.level);
                break;
            case K::ZeroFill:
                allocText = QObject::tr("frame %1 zeroed").arg(e.frame.value);
                break;
            case K::FrameFree:
                allocText = QObject::tr("frame %1 freed").arg(e.frame.value);
                break;
            case K::ZeroPageMap:
                zeroText = QObject::tr("mapped read-only");
                break;
            case K::OutOfMemory:
                oomActs = true;
                oomText = QObject::tr("no free frame");
                break;
            case K::OomKill:
                oomActs = true;
                oomText = QObject::tr("kills pid %1").arg(e.pid.value);
                break;
            case K::PageCacheRead:
                diskActs = true;
                diskText = QObject::tr("file page %1 read\n+%2 readahead")
                               .arg(e.index)
                               .arg(e.count > 0 ? e.count - 1 : 0);
                break;
            case K::FaultAround:
                faultText = QObject::tr("fault-around: +%1 pages").arg(e.count);
                break;
            case K::SwapOut: {
                swapActs = true;
                ++swapOuts;
                const QString dev = deviceOf(e.index);
                swapText = swapOuts > 1 ? QObject::tr("%1 pages\nswapped out").arg(swapOuts)
                           : dev.isEmpty()
                               ? QObject::tr("page out → slot %1").arg(e.index)
                               : QObject::tr("page out → slot %1\n(%2)").arg(e.index).arg(dev);
                break;
            }
            case K::SwapIn: {
                swapActs = true;
                const QString dev = deviceOf(e.index);
                if (e.present)
                    swapText = QObject::tr("swap-cache hit\nslot %1").arg(e.index);
                else if (dev.isEmpty())
                    swapText = QObject::tr("slot %1 read\n+%2 readahead").arg(e.index).arg(e.count);
                else
                    swapText = QObject::tr("slot %1 read (%2)\n+%3 readahead")
                                   .arg(e.index)
                                   .arg(dev)
                                   .arg(e.count);
                break;
            }
            case K::Writeback:
                diskActs = true;
                diskText = QObject::tr("dirty file page\nwritten back");
                break;
            case K::KswapdWake:
                kswapdAwake = true;
                kswapdText = QObject::tr("woken:\nfree %1\n< low").arg(e.count);
                break;
            case K::KswapdSleep:
                kswapdAwake = false;
                kswapdText = QObject::tr("asleep again:\nfree %1\n≥ high").arg(e.count);
                break;
            case K::Reclaim:
                if (e.pid.valid()) {
                    allocText = QObject::tr("direct reclaim:\n%1 of %2 pages freed")
                                    .arg(e.count)
                                    .arg(e.index);
                } else {
                    kswapdAwake = true;
                    kswapdText = QObject::tr("freed %1\nof %2\nscanned").arg(e.count).arg(e.index);
                }
                break;
            case K::MemcgReclaim:
                allocText = QObject::tr("cgroup at memory.max:\nreclaim in the group");
                break;
            default:
                break;
        }
    }
    auto isCur = [&](FlowView::Block b) { return b == current; };
    drawBlock(p, FlowView::Cpu, QObject::tr("CPU"), cpuText, false, visited[FlowView::Cpu],
              isCur(FlowView::Cpu), o);
    drawBlock(p, FlowView::Mmu, QObject::tr("MMU"), QObject::tr("translates\nvirtual → physical"),
              false, visited[FlowView::Mmu] || visited[FlowView::Tlb], isCur(FlowView::Mmu), o);
    drawBlock(p, FlowView::Tlb, QObject::tr("TLB"), tlbText, false, visited[FlowView::Tlb],
              isCur(FlowView::Tlb), o);
    drawTlbGrid(p, blockRect(FlowView::Tlb).adjusted(12, 72, -12, -8), s);
    for (unsigned l = 0; l < levels && l < 5; ++l) {
        const auto b = FlowView::Block(FlowView::Walk0 + int(l));
        const QRectF r = blockRect(b);
        p->fillRect(QRectF(r.left() + 6, r.bottom() - 14, r.width() - 12, 8), fieldColor(l));
        drawBlock(p, b, QObject::tr("%1 (L%2)").arg(levelName(l, levels)).arg(l),
                  walk[l].isEmpty() ? QObject::tr("not read") : walk[l], false, visited[b],
                  isCur(b), o);
        p->fillRect(QRectF(r.left() + 10, r.bottom() - 14, r.width() - 20, 8), fieldColor(l));
    }
    drawBlock(p, FlowView::Fault, QObject::tr("Fault handler"), faultText, false,
              visited[FlowView::Fault], isCur(FlowView::Fault), o);
    drawBlock(p, FlowView::Alloc, QObject::tr("Frame allocator"), allocText, false,
              visited[FlowView::Alloc], isCur(FlowView::Alloc), o);
    drawBlock(p, FlowView::ZeroPage, QObject::tr("Zero page"), zeroText, false,
              visited[FlowView::ZeroPage], isCur(FlowView::ZeroPage), o);
    drawBlock(p, FlowView::Swap, QObject::tr("Swap device"), swapText, !s.usedSwap && !swapActs,
              visited[FlowView::Swap], isCur(FlowView::Swap), o);
    drawBlock(p, FlowView::Disk, QObject::tr("Disk / page cache"), diskText,
              !s.usedDisk && !diskActs, visited[FlowView::Disk], isCur(FlowView::Disk), o);
    if (kswapdText.isEmpty())
        kswapdText = kswapdAwake ? QObject::tr("awake:\nreclaiming") : QObject::tr("asleep");
    drawBlock(p, FlowView::Kswapd, QObject::tr("kswapd"), kswapdText,
              !kswapdAwake && !visited[FlowView::Kswapd], visited[FlowView::Kswapd],
              isCur(FlowView::Kswapd), o);
    drawBlock(p, FlowView::Oom, QObject::tr("OOM killer"), oomText, !oomActs,
              visited[FlowView::Oom], isCur(FlowView::Oom), o);

    // Outcome: colour + dash + words + a shape on the token.
    const QRectF out(20, 645, kW - 40, 110);
    p->setPen(QPen(Theme::outcomeColor(o), 4 * sc, Theme::outcomePen(o)));
    p->setBrush(QColor(0xFA, 0xFA, 0xFA));
    p->drawRoundedRect(out, 8, 8);
    QFont f = Theme::instance().font();
    f.setPixelSize(24);
    f.setBold(true);
    p->setFont(f);
    p->setPen(Qt::black);
    p->drawText(out.adjusted(14, 6, -14, -50), Qt::AlignLeft | Qt::AlignVCenter,
                m_view.outcomeText());
    f.setBold(false);
    f.setPixelSize(20);
    p->setFont(f);
    QString detail;
    if (s.cursor >= 0 && s.cursor < int(s.events.size()))
        detail = QObject::tr("Event %1 of %2: %3")
                     .arg(s.cursor + 1)
                     .arg(s.events.size())
                     .arg(EventText::label(s.events[std::size_t(s.cursor)].kind));
    p->drawText(out.adjusted(14, 50, -14, -6), Qt::AlignLeft | Qt::AlignVCenter, detail);
}

FlowView::FlowView(const SimulationController& ctl, QWidget* parent)
    : QGraphicsView(parent), m_ctl(ctl) {
    setScene(&m_scene);
    m_scene.setSceneRect(0, 0, kW, kH);
    m_diagram = new FlowDiagramItem(*this);
    m_scene.addItem(m_diagram);
    m_token = m_scene.addEllipse(-14, -14, 28, 28, QPen(Qt::black, 3), QBrush(Qt::white));
    m_token->setZValue(10);
    m_token->setVisible(false);
    setRenderHint(QPainter::Antialiasing);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    setMinimumHeight(200);
    connect(&m_move, &QVariantAnimation::valueChanged, this,
            [this](const QVariant& v) { m_token->setPos(v.toPointF()); });
    m_chase.setInterval(140);
    connect(&m_chase, &QTimer::timeout, this, &FlowView::chaseStep);
    connect(&ctl, &SimulationController::simulationChanged, this,
            [this](Change c) { m_lastChange = c; });
    connect(&ctl, &SimulationController::stateChanged, this, [this] {
        takeSnapshot();
        onCursorChanged(m_ctl.eventCursor());
    });
    connect(&ctl, &SimulationController::eventCursorChanged, this, &FlowView::onCursorChanged);
    connect(&Theme::instance(), &Theme::changed, this, [this] { m_scene.update(); });
}

void FlowView::resizeEvent(QResizeEvent* e) {
    QGraphicsView::resizeEvent(e);
    fitInView(m_scene.sceneRect(), Qt::KeepAspectRatio);
}

FlowView::Block FlowView::blockOf(const pfviz::Event& e) {
    using K = pfviz::EventKind;
    switch (e.kind) {
        case K::AccessStart:
        case K::AccessDone:
        case K::ProcessKilled:
            return Cpu;
        case K::AccessRetry:
            return Mmu;
        case K::TlbHit:
        case K::TlbMiss:
        case K::TlbFill:
        case K::TlbFlush:
            return Tlb;
        case K::WalkLevel:
            return Block(Walk0 + std::min<int>(e.level, 4));
        case K::PageFault:
        case K::MinorFault:
        case K::InvalidAccess:
        case K::CowCopy:
        case K::CowReuse:
            return Fault;
        case K::PteSet:
        case K::PmdSet:
        case K::ThpSplit:
        case K::ThpFallback:
            return Fault;
        case K::ThpAlloc:
            return Alloc;
        case K::HugeZeroPageMap:
            return ZeroPage;
        case K::PageTableAlloc:
        case K::FrameAlloc:
        case K::ZeroFill:
        case K::FrameFree:
            return Alloc;
        case K::ZeroPageMap:
            return ZeroPage;
        case K::OutOfMemory:
        case K::OomKill:
            return Oom;
        case K::FaultAround:
            return Fault;
        case K::PageCacheRead:
            return Disk;
        case K::MajorFault:
            return e.reason == pfviz::FaultReason::FileRead ? Disk : Fault;
        case K::SwapOut:
        case K::SwapIn:
            return Swap;
        case K::Writeback:
            return Disk;
        case K::KswapdWake:
        case K::KswapdSleep:
            return Kswapd;
        case K::MemcgReclaim:
            return Alloc;
        // Reclaim work belongs to whoever does it: kswapd (pid 0) or the allocating task.
        case K::Reclaim:
        case K::LruActivate:
        case K::LruDeactivate:
        case K::LruUnevictable:
        case K::PageCacheDrop:
        case K::LazyFreeDrop:
            return e.pid.valid() ? Alloc : Kswapd;
        default:
            return Cpu;
    }
}

Outcome FlowView::outcome() const {
    Outcome o = Outcome::Syscall;
    bool access = false;
    for (const auto& e : m_snap.events) {
        using K = pfviz::EventKind;
        switch (e.kind) {
            case K::AccessStart:
                access = true;
                if (o == Outcome::Syscall) o = Outcome::None;
                break;
            case K::TlbHit:
                if (o == Outcome::None) o = Outcome::TlbHit;
                break;
            case K::TlbMiss:
                if (o == Outcome::None || o == Outcome::TlbHit) o = Outcome::TlbMiss;
                break;
            case K::MinorFault:
                if (o != Outcome::Segv)
                    o = (e.reason == pfviz::FaultReason::CowCopy ||
                         e.reason == pfviz::FaultReason::CowReuse)
                            ? Outcome::Cow
                            : Outcome::Minor;
                break;
            case K::InvalidAccess:
                o = Outcome::Segv;
                break;
            case K::MajorFault:
                if (o != Outcome::Segv) o = Outcome::Major;
                break;
            default:
                break;
        }
    }
    if (!access) return Outcome::Syscall;
    return o;
}

QString FlowView::outcomeText() const {
    if (!m_snap.valid) return {};
    if (m_snap.step == 0)
        return tr("Step 0 of %1: press → or Space to start.").arg(m_snap.totalSteps);
    const Outcome o = outcome();
    QString reason;
    for (const auto& e : m_snap.events) {
        if (e.kind == pfviz::EventKind::MajorFault && e.reason == pfviz::FaultReason::FileRead)
            reason = tr("file page read from disk");
        if (e.kind != pfviz::EventKind::MinorFault) continue;
        switch (e.reason) {
            case pfviz::FaultReason::AnonZeroFill:
                reason = tr("new zeroed frame");
                break;
            case pfviz::FaultReason::ZeroPageRead:
                reason = tr("zero page mapped");
                break;
            case pfviz::FaultReason::ZeroPageWrite:
                reason = tr("zero page replaced");
                break;
            case pfviz::FaultReason::CowCopy:
                reason = tr("page copied");
                break;
            case pfviz::FaultReason::CowReuse:
                reason = tr("page reused in place");
                break;
            case pfviz::FaultReason::Spurious:
                reason = tr("spurious");
                break;
            case pfviz::FaultReason::FileCacheHit:
                reason = tr("page-cache hit");
                break;
            case pfviz::FaultReason::FileCow:
                reason = tr("private copy of a file page");
                break;
            case pfviz::FaultReason::WriteNotify:
                reason = tr("write-notify");
                break;
            default:
                break;
        }
    }
    if (o == Outcome::Syscall && !m_snap.events.empty())
        return tr("Step %1: %2").arg(m_snap.step).arg(EventText::label(m_snap.events.front().kind));
    if (reason.isEmpty())
        return tr("Step %1 · outcome: %2").arg(m_snap.step).arg(Theme::outcomeLabel(o));
    return tr("Step %1 · outcome: %2 (%3)").arg(m_snap.step).arg(Theme::outcomeLabel(o), reason);
}

void FlowView::takeSnapshot() {
    const auto guard = m_ctl.readGuard();
    const auto* sim = m_ctl.sim();
    if (!sim) {
        m_snap = {};
        return;
    }
    const auto& m = sim->machine();
    m_snap.valid = true;
    m_snap.events = sim->lastEvents();
    m_snap.geometry = m.geometry();
    m_snap.tlb = m.tlb.entries();
    m_snap.tlbPid.assign(m_snap.tlb.size(), 0);
    for (std::size_t i = 0; i < m_snap.tlb.size(); ++i)
        for (const auto& p : m.processes)
            if (const auto a = m.tlb.asidOf(p.pid);
                a && *a == m_snap.tlb[i].asid && m_snap.tlb[i].valid)
                m_snap.tlbPid[i] = p.pid.value;
    m_snap.tlbWays =
        m.tlb.config().ways == 0 ? std::uint32_t(m_snap.tlb.size()) : m.tlb.config().ways;
    m_snap.step = sim->stepIndex();
    m_snap.totalSteps = sim->totalSteps();
    pfviz::Pid pid = m.current;
    for (const auto& e : m_snap.events)
        if (e.kind == pfviz::EventKind::AccessStart) pid = e.pid;
    m_snap.processName = pid.valid() ? EventText::processName(m, pid) : QString();
    m_snap.swapAreas.clear();
    for (const auto& a : m.swap.areas)
        m_snap.swapAreas.push_back({a.kind, a.first, a.pages});
    m_snap.swapUsed = m.swap.used();
    m_snap.usedSwap = m.counters.swapOuts > 0;
    m_snap.usedDisk = m.counters.pageCacheMisses > 0 || m.counters.writebacks > 0;
    // kswapd's state before the step: undo the step's own wake-ups and sleeps, last first.
    bool awake = m.kswapdAwake;
    for (auto it = m_snap.events.rbegin(); it != m_snap.events.rend(); ++it) {
        if (it->kind == pfviz::EventKind::KswapdWake) awake = false;
        if (it->kind == pfviz::EventKind::KswapdSleep) awake = true;
    }
    m_snap.kswapdAwakeBefore = awake;
    m_shown = std::min(m_shown, int(m_snap.events.size()) - 1);
}

void FlowView::onCursorChanged(int cursor) {
    if (!m_snap.valid) return;
    if (m_snap.step != (m_ctl.sim() ? m_ctl.sim()->stepIndex() : 0) ||
        m_snap.events.size() != (m_ctl.sim() ? m_ctl.sim()->lastEvents().size() : 0)) {
        if (m_ctl.workerActive()) return;
        takeSnapshot();
        m_shown = -1;
    }
    m_target = cursor;
    const bool playingFast = m_ctl.playing() && m_ctl.msPerEvent() == 0;
    if (!m_animate || playingFast || m_ctl.workerActive()) {
        m_chase.stop();
        showUpTo(cursor, false);
        return;
    }
    if (m_lastChange == Change::Step && !m_ctl.playing() && cursor > m_shown + 1) {
        // A manual step: walk the hops so the eye can follow, then rest on the last event.
        if (!m_chase.isActive()) m_chase.start();
        return;
    }
    m_chase.stop();
    showUpTo(cursor, true);
}

void FlowView::chaseStep() {
    if (m_shown >= m_target) {
        m_chase.stop();
        return;
    }
    showUpTo(m_shown + 1, true);
}

void FlowView::showUpTo(int index, bool animate) {
    m_shown = index;
    m_snap.cursor = index;
    if (index < 0 || index >= int(m_snap.events.size())) {
        m_token->setVisible(false);
        m_diagram->update();
        return;
    }
    const QRectF br = m_diagram->blockRect(blockOf(m_snap.events[std::size_t(index)]));
    const QPointF target(br.right() - 22, br.top() + 22);
    const Outcome o = outcome();
    m_token->setBrush(Theme::outcomeColor(o));
    m_token->setVisible(true);
    const int ms = m_ctl.playing() ? std::min(600, m_ctl.msPerEvent() * 6 / 10) : 120;
    if (animate && ms > 0 && m_token->pos() != target) {
        m_move.stop();
        m_move.setStartValue(m_token->pos());
        m_move.setEndValue(target);
        m_move.setDuration(ms);
        m_move.start();
    } else {
        m_move.stop();
        m_token->setPos(target);
    }
    m_diagram->update();
}

}  // namespace pfviz::ui
