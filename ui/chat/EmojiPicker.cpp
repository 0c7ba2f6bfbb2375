#include "ui/chat/EmojiPicker.h"

#include "core/phone/PhoneInput.h"
#include "ui/common/Appearance.h"

#include <QGuiApplication>
#include <QListWidget>
#include <QRawFont>
#include <QScreen>
#include <QSet>
#include <QSettings>
#include <QTabBar>
#include <QVBoxLayout>

namespace parley::ui {

namespace {

const QString RecentKey = QStringLiteral("emoji/recent");
constexpr int Cell = 40; // px, one emoji of the grid

struct Range
{
    char32_t first;
    char32_t last;
};

// Where each group's emoji are in Unicode (blocks and parts of blocks); a code point goes to
// the first group that has it, the rest of the emoji blocks to "Objects and symbols".
const Range Smileys[]
    = {{0x1F600, 0x1F64F}, {0x1F910, 0x1F917}, {0x1F920, 0x1F92F}, {0x1F970, 0x1F97F},
       {0x1FAE0, 0x1FAEF}, {0x263A, 0x263A},   {0x2639, 0x2639}};
const Range People[]
    = {{0x1F440, 0x1F450}, {0x1F466, 0x1F487}, {0x1F90C, 0x1F90F}, {0x1F918, 0x1F91F},
       {0x1F930, 0x1F93E}, {0x1F9B0, 0x1F9B9}, {0x1F9CC, 0x1F9DF}, {0x1FAC3, 0x1FAC5},
       {0x1FAF0, 0x1FAFF}, {0x261D, 0x261D},   {0x270A, 0x270D},   {0x1F574, 0x1F57A},
       {0x1F590, 0x1F596}, {0x1F6B4, 0x1F6B6}, {0x1F3C2, 0x1F3CC}};
const Range Nature[]
    = {{0x1F400, 0x1F43F}, {0x1F980, 0x1F9AE}, {0x1F330, 0x1F344}, {0x1F300, 0x1F321},
       {0x1F324, 0x1F32C}, {0x1F490, 0x1F490}, {0x1FAB0, 0x1FABF}, {0x2600, 0x2604},
       {0x2614, 0x2614},   {0x26A1, 0x26A1},   {0x2744, 0x2744},   {0x1F338, 0x1F344}};
const Range Food[] = {{0x1F345, 0x1F37F},
                      {0x1F950, 0x1F96F},
                      {0x1F9C0, 0x1F9CB},
                      {0x1FAD0, 0x1FADF},
                      {0x2615, 0x2615}};
const Range Activities[]
    = {{0x1F380, 0x1F3FA}, {0x1F680, 0x1F6FF}, {0x1F93F, 0x1F94F}, {0x26BD, 0x26BE},
       {0x26F0, 0x26FD},   {0x2708, 0x2709},   {0x1F3D4, 0x1F3DF}};
// Every block with emoji in it; what the font does not draw is left out.
const Range Everything[]
    = {{0x2190, 0x21FF},   {0x2300, 0x23FF},   {0x25A0, 0x27BF},   {0x2900, 0x297F},
       {0x2B00, 0x2BFF},   {0x3030, 0x303D},   {0x3297, 0x3299},   {0x1F004, 0x1F004},
       {0x1F0CF, 0x1F0CF}, {0x1F170, 0x1F1FF}, {0x1F200, 0x1F2FF}, {0x1F300, 0x1F5FF},
       {0x1F600, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7FF}, {0x1F900, 0x1F9FF},
       {0x1FA70, 0x1FAFF}};

bool isEmoji(const QRawFont &font, char32_t cp)
{
    // Skin tone modifiers and regional indicators are parts of emoji, not emoji of their own.
    if ((cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0x1F1E6 && cp <= 0x1F1FF))
        return false;
    return !font.isValid() || font.supportsCharacter(cp);
}

QString text(char32_t cp)
{
    QString emoji = QString::fromUcs4(&cp, 1);
    // Below the pictograph planes many are text symbols by default: ask for the emoji form.
    if (cp < 0x1F000)
        emoji += QChar(0xFE0F);
    return emoji;
}

QList<EmojiPicker::Group> readGroups()
{
    const QString family = appearance::colourEmojiFamily();
    const QRawFont font = family.isEmpty() ? QRawFont() : QRawFont::fromFont(QFont(family));
    QList<EmojiPicker::Group> groups{{EmojiPicker::tr("Smileys"), {}},
                                     {EmojiPicker::tr("People"), {}},
                                     {EmojiPicker::tr("Animals and nature"), {}},
                                     {EmojiPicker::tr("Food and drink"), {}},
                                     {EmojiPicker::tr("Activities and travel"), {}},
                                     {EmojiPicker::tr("Objects and symbols"), {}},
                                     {EmojiPicker::tr("Flags"), {}}};
    // Each group in the order of its ranges (the smileys start with 😀), each emoji once.
    QSet<char32_t> taken;
    const auto fill = [&](QStringList &into, const auto &ranges) {
        for (const Range &range : ranges) {
            for (char32_t cp = range.first; cp <= range.last; ++cp) {
                if (!taken.contains(cp) && isEmoji(font, cp)) {
                    taken.insert(cp);
                    into.append(text(cp));
                }
            }
        }
    };
    fill(groups[0].emoji, Smileys);
    fill(groups[1].emoji, People);
    fill(groups[2].emoji, Nature);
    fill(groups[3].emoji, Food);
    fill(groups[4].emoji, Activities);
    fill(groups[5].emoji, Everything);
    for (const phone::Country &country : phone::PhoneInput::countries()) {
        if (!country.flag.isEmpty())
            groups[6].emoji.append(country.flag);
    }
    return groups;
}

} // namespace

const QList<EmojiPicker::Group> &EmojiPicker::groups()
{
    static const QList<Group> read = readGroups();
    return read;
}

QStringList EmojiPicker::recent()
{
    return QSettings().value(RecentKey).toStringList();
}

void EmojiPicker::remember(const QString &emoji)
{
    QStringList list = recent();
    list.removeAll(emoji);
    list.prepend(emoji);
    QSettings().setValue(RecentKey, list.mid(0, MaxRecent));
}

EmojiPicker::EmojiPicker(QWidget *parent)
    : QFrame(parent, Qt::Popup)
{
    setObjectName(QStringLiteral("emojiPicker"));
    setFrameShape(QFrame::StyledPanel);
    m_tabs = new QTabBar(this);
    m_tabs->setObjectName(QStringLiteral("emojiGroups"));
    m_tabs->setExpanding(true);
    m_tabs->setDrawBase(false);
    appearance::preferColourEmoji(m_tabs);
    const QStringList marks{QStringLiteral("🕘"), QStringLiteral("😀"),      QStringLiteral("👋"),
                            QStringLiteral("🐶"), QStringLiteral("🍔"),      QStringLiteral("⚽"),
                            QStringLiteral("💡"), QStringLiteral("🏳️")};
    m_tabs->addTab(marks.at(0));
    m_tabs->setTabToolTip(0, tr("Recently used"));
    for (qsizetype i = 0; i < groups().size(); ++i) {
        const int tab = m_tabs->addTab(marks.value(i + 1));
        m_tabs->setTabToolTip(tab, groups().at(i).name);
    }

    m_grid = new QListWidget(this);
    m_grid->setObjectName(QStringLiteral("emojiGrid"));
    m_grid->setViewMode(QListView::ListMode);
    m_grid->setFlow(QListView::LeftToRight);
    m_grid->setWrapping(true);
    m_grid->setResizeMode(QListView::Adjust);
    // The same size for all: the view measures one, not every colour emoji.
    m_grid->setUniformItemSizes(true);
    m_grid->setGridSize(QSize(Cell, Cell));
    m_grid->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_grid->setFrameShape(QFrame::NoFrame);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    if (const QString colour = appearance::colourEmojiFamily(); !colour.isEmpty())
        big.setFamilies({colour, big.family()});
    m_grid->setFont(big);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    layout->addWidget(m_tabs);
    layout->addWidget(m_grid, 1);
    resize(9 * Cell + 24, 7 * Cell + m_tabs->sizeHint().height() + 12);

    connect(m_tabs, &QTabBar::currentChanged, this, &EmojiPicker::showGroup);
    connect(m_grid, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        remember(item->text());
        Q_EMIT picked(item->text());
    });
    // Nothing used yet: the smileys.
    m_tabs->setCurrentIndex(recent().isEmpty() ? 1 : 0);
    showGroup(m_tabs->currentIndex());
}

void EmojiPicker::showGroup(int tab)
{
    m_grid->clear();
    const QStringList emoji = tab == 0 ? recent() : groups().value(tab - 1).emoji;
    for (const QString &one : emoji) {
        auto *item = new QListWidgetItem(one, m_grid);
        item->setTextAlignment(Qt::AlignCenter);
        item->setSizeHint(QSize(Cell, Cell));
    }
    m_grid->scrollToTop();
}

void EmojiPicker::popUpAbove(const QPoint &anchor)
{
    QPoint at(anchor.x(), anchor.y() - height());
    // On the screen, whatever the anchor.
    if (const QScreen *screen = QGuiApplication::screenAt(anchor)) {
        const QRect room = screen->availableGeometry();
        at.setX(qBound(room.left(), at.x(), room.right() - width()));
        at.setY(qBound(room.top(), at.y(), room.bottom() - height()));
    }
    move(at);
    show();
    m_grid->setFocus();
}

} // namespace parley::ui
