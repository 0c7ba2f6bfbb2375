#include "core/account/Account.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/TestClient.h"
#include "ui/common/Language.h"
#include "ui/login/ProfileSetupPage.h"
#include "ui/profile/AvatarCropDialog.h"
#include "ui/profile/LocalAvatar.h"
#include "ui/settings/SettingsDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QWheelEvent>

#include <csignal>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>

using namespace parley;
using ui::AvatarCropDialog;
using ui::LocalAvatar;

namespace {

constexpr int WaitMs = 10000;
const QString Phone = QStringLiteral("+12025550191");

// Eight stripes of 100 pixels across an 800×400 picture: which stripe lands where in the
// 512×512 result tells which part of the picture was cut.
const QColor Stripes[]
    = {QColor(230, 30, 30),  QColor(30, 180, 60),  QColor(30, 60, 230), QColor(240, 220, 30),
       QColor(30, 210, 220), QColor(200, 40, 200), QColor(20, 20, 20),  QColor(250, 250, 250)};

QImage stripes()
{
    QImage image(800, 400, QImage::Format_RGB32);
    QPainter painter(&image);
    for (int i = 0; i < 8; ++i)
        painter.fillRect(i * 100, 0, 100, 400, Stripes[i]);
    return image;
}

// The stripe a colour is, or -1.
int stripeOf(QRgb pixel)
{
    for (int i = 0; i < 8; ++i) {
        const QColor &c = Stripes[i];
        if (qAbs(qRed(pixel) - c.red()) <= 8 && qAbs(qGreen(pixel) - c.green()) <= 8
            && qAbs(qBlue(pixel) - c.blue()) <= 8)
            return i;
    }
    return -1;
}

// The stripes at four points across the middle row of a crop.
QList<int> stripesAcross(const QImage &crop)
{
    QList<int> found;
    for (int x : {64, 192, 320, 448})
        found << stripeOf(crop.pixel(x, 256));
    return found;
}

QString write(const QTemporaryDir &dir, const QString &name, const QImage &image)
{
    const QString path = dir.filePath(name);
    return image.save(path) ? path : QString();
}

bool sameColour(QRgb a, QColor b)
{
    return qAbs(qRed(a) - b.red()) <= 8 && qAbs(qGreen(a) - b.green()) <= 8
        && qAbs(qBlue(a) - b.blue()) <= 8;
}

} // namespace

// Cutting and keeping the own profile picture (kept on this device until media upload exists):
// the crop dialog driven by its widgets on real picture files, LocalAvatar on real folders, and
// Settings and the first profile page with a real account on a real server. Screenshots land in
// ${CMAKE_BINARY_DIR}/screenshots.
class TestAvatar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void aWidePictureStartsCentredWithItsHeightFillingTheFrame();
    void draggingAndZoomingMoveTheCrop();
    void aTinyPictureIsScaledUpToFill();
    void aHugePictureIsReadScaledDown();
    void missingCorruptAndOversizedFilesGiveAnError();
    void thePictureIsSavedLoadedAndRemoved();
    void aFailedSaveKeepsTheOldPicture();
    void settingsShowChangeAndRemoveThePicture();
    void theFirstProfileTakesAnOptionalPicture();

private:
    void saveScreenshot(QWidget *widget, const QString &fileName);
    template<typename Within> AvatarCropDialog *openCropDialog(Within *parent);

    QTemporaryDir m_files;
    QTemporaryDir m_config; // QSettings of this run, not the user's
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<TestClient> m_client;
};

void TestAvatar::initTestCase()
{
    QVERIFY(m_files.isValid());
    qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
    ui::language::apply(QStringLiteral("en"));

    // The picture files every test picks from.
    QVERIFY(!write(m_files, QStringLiteral("stripes.png"), stripes()).isEmpty());
    QImage tiny(20, 20, QImage::Format_RGB32);
    tiny.fill(Stripes[0]);
    QPainter(&tiny).fillRect(10, 0, 10, 20, Stripes[2]);
    QVERIFY(!write(m_files, QStringLiteral("tiny.png"), tiny).isEmpty());
    QFile corrupt(m_files.filePath(QStringLiteral("corrupt.png")));
    QVERIFY(corrupt.open(QIODevice::WriteOnly));
    QByteArray noise(4096, Qt::Uninitialized);
    QRandomGenerator generator(42);
    for (char &byte : noise)
        byte = char(generator.bounded(256));
    corrupt.write(noise);
    corrupt.close();

    // Settings and the first profile page need a signed-in account.
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_client = std::make_unique<TestClient>(m_server->url());
    QVERIFY2(m_client->login(*m_server, Phone), qPrintable(m_client->lastError()));
    QVERIFY2(m_client->startMessaging(), qPrintable(m_client->lastError()));
}

void TestAvatar::cleanupTestCase()
{
    m_client.reset();
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

void TestAvatar::saveScreenshot(QWidget *widget, const QString &fileName)
{
    const QDir folder(QStringLiteral(PARLEY_SCREENSHOT_DIR));
    QVERIFY(folder.mkpath(QStringLiteral(".")));
    QVERIFY(widget->grab().save(folder.filePath(fileName)));
}

template<typename Within> AvatarCropDialog *TestAvatar::openCropDialog(Within *parent)
{
    auto *dialog = parent->template findChild<AvatarCropDialog *>();
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

void TestAvatar::aWidePictureStartsCentredWithItsHeightFillingTheFrame()
{
    QString error;
    const std::optional<QImage> picture
        = AvatarCropDialog::load(m_files.filePath(QStringLiteral("stripes.png")), &error);
    QVERIFY2(picture, qPrintable(error));
    QCOMPARE(picture->size(), QSize(800, 400));

    AvatarCropDialog dialog;
    dialog.setImage(*picture);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QImage crop = dialog.croppedImage();
    QCOMPARE(crop.size(), QSize(AvatarCropDialog::OutputSize, AvatarCropDialog::OutputSize));
    // The middle square, x 200 to 600: stripes 2 to 5, a quarter of the crop each.
    QCOMPARE(stripesAcross(crop), (QList<int>{2, 3, 4, 5}));
    QCOMPARE(stripeOf(crop.pixel(4, 4)), 2);
    QCOMPARE(stripeOf(crop.pixel(507, 507)), 5);
    QCOMPARE(dialog.findChild<QSlider *>(QStringLiteral("avatarZoom"))->value(), 100);
    saveScreenshot(&dialog, QStringLiteral("avatar-crop.png"));
}

void TestAvatar::draggingAndZoomingMoveTheCrop()
{
    AvatarCropDialog dialog;
    dialog.setImage(stripes());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *area = dialog.findChild<QWidget *>(QStringLiteral("avatarCropArea"));
    auto *zoom = dialog.findChild<QSlider *>(QStringLiteral("avatarZoom"));
    QVERIFY(area && zoom);

    // Dragged far right: the picture follows until its left edge meets the frame's.
    const QPoint middle = area->rect().center();
    QTest::mousePress(area, Qt::LeftButton, {}, middle);
    QTest::mouseMove(area, middle + QPoint(area->width() / 4, 0));
    QTest::mouseMove(area, middle + QPoint(area->width() / 2, 0));
    QTest::mouseRelease(area, Qt::LeftButton, {}, middle + QPoint(area->width() / 2, 0));
    QCOMPARE(stripesAcross(dialog.croppedImage()), (QList<int>{0, 1, 2, 3}));

    // A small drag back left moves the crop right by a part of a stripe.
    dialog.setImage(stripes());
    QCOMPARE(stripesAcross(dialog.croppedImage()), (QList<int>{2, 3, 4, 5}));
    QTest::mousePress(area, Qt::LeftButton, {}, middle);
    QTest::mouseMove(area, middle - QPoint(area->width() / 8, 0));
    QTest::mouseRelease(area, Qt::LeftButton, {}, middle - QPoint(area->width() / 8, 0));
    const QList<int> moved = stripesAcross(dialog.croppedImage());
    QVERIFY2(moved != (QList<int>{2, 3, 4, 5}) && moved.last() >= 5, qPrintable([&] {
                 QStringList s;
                 for (int i : moved)
                     s << QString::number(i);
                 return s.join(u',');
             }()));

    // Zoom 2 from the start: the middle 200 pixels, x 300 to 500.
    dialog.setImage(stripes());
    zoom->setValue(200);
    QCOMPARE(stripesAcross(dialog.croppedImage()), (QList<int>{3, 3, 4, 4}));

    // The wheel zooms in a notch and the slider follows; zooming out at an edge keeps the
    // frame filled.
    QWheelEvent wheel(QPointF(middle), area->mapToGlobal(QPointF(middle)), QPoint(), QPoint(0, 120),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(area, &wheel);
    QCOMPARE(zoom->value(), 220);
    QTest::mousePress(area, Qt::LeftButton, {}, middle);
    QTest::mouseRelease(area, Qt::LeftButton, {}, middle + QPoint(area->width(), area->height()));
    zoom->setValue(zoom->minimum());
    QCOMPARE(stripesAcross(dialog.croppedImage()), (QList<int>{0, 1, 2, 3}));
    saveScreenshot(&dialog, QStringLiteral("avatar-crop-moved.png"));
}

void TestAvatar::aTinyPictureIsScaledUpToFill()
{
    QString error;
    const std::optional<QImage> picture
        = AvatarCropDialog::load(m_files.filePath(QStringLiteral("tiny.png")), &error);
    QVERIFY2(picture, qPrintable(error));
    AvatarCropDialog dialog;
    dialog.setImage(*picture);
    const QImage crop = dialog.croppedImage();
    QCOMPARE(crop.size(), QSize(512, 512));
    QCOMPARE(stripeOf(crop.pixel(5, 5)), 0);
    QCOMPARE(stripeOf(crop.pixel(200, 256)), 0);
    QCOMPARE(stripeOf(crop.pixel(310, 256)), 2);
    QCOMPARE(stripeOf(crop.pixel(506, 506)), 2);
}

void TestAvatar::aHugePictureIsReadScaledDown()
{
    // 6000×3000 in two colours; an indexed picture keeps this test's own memory small.
    QImage huge(6000, 3000, QImage::Format_Indexed8);
    huge.setColorTable({Stripes[1].rgb(), Stripes[2].rgb()});
    for (int y = 0; y < huge.height(); ++y) {
        memset(huge.scanLine(y), 0, 3000);
        memset(huge.scanLine(y) + 3000, 1, 3000);
    }
    const QString path = write(m_files, QStringLiteral("huge.png"), huge);
    QVERIFY(!path.isEmpty());
    QString error;
    const std::optional<QImage> picture = AvatarCropDialog::load(path, &error);
    QVERIFY2(picture, qPrintable(error));
    QCOMPARE(picture->size(), QSize(AvatarCropDialog::MaxSide, AvatarCropDialog::MaxSide / 2));
    AvatarCropDialog dialog;
    dialog.setImage(*picture);
    const QImage crop = dialog.croppedImage();
    QCOMPARE(crop.size(), QSize(512, 512));
    QCOMPARE(stripeOf(crop.pixel(100, 256)), 1);
    QCOMPARE(stripeOf(crop.pixel(412, 256)), 2);
}

void TestAvatar::missingCorruptAndOversizedFilesGiveAnError()
{
    QString error;
    QVERIFY(!AvatarCropDialog::load(m_files.filePath(QStringLiteral("nowhere.png")), &error));
    QCOMPARE(error, QStringLiteral("“nowhere.png” was not found."));

    // Random bytes named .png.
    error.clear();
    QVERIFY(!AvatarCropDialog::load(m_files.filePath(QStringLiteral("corrupt.png")), &error));
    QVERIFY2(error.startsWith(QStringLiteral("“corrupt.png” cannot be opened as a picture")),
             qPrintable(error));

    // A PNG cut short after its header is as unreadable.
    QFile picture(write(m_files, QStringLiteral("cut.png"), stripes()));
    QVERIFY(picture.open(QIODevice::ReadWrite));
    QVERIFY(picture.resize(60));
    picture.close();
    error.clear();
    QVERIFY(!AvatarCropDialog::load(picture.fileName(), &error));
    QVERIFY2(error.startsWith(QStringLiteral("“cut.png” cannot be opened")), qPrintable(error));

    // Too large is refused before reading (a sparse file: no 51 MB written).
    QFile large(m_files.filePath(QStringLiteral("large.png")));
    QVERIFY(large.open(QIODevice::WriteOnly));
    QVERIFY(large.resize(AvatarCropDialog::MaxFileBytes + 1));
    large.close();
    error.clear();
    QVERIFY(!AvatarCropDialog::load(large.fileName(), &error));
    QCOMPARE(error, QStringLiteral("“large.png” is larger than 50 MB. Choose a smaller picture."));
}

void TestAvatar::thePictureIsSavedLoadedAndRemoved()
{
    QTemporaryDir profile;
    // A profile folder that is not there yet is made.
    const LocalAvatar avatar(profile.filePath(QStringLiteral("new-profile")));
    QVERIFY(!avatar.exists());
    QVERIFY(avatar.image().isNull());
    QImage picture(512, 512, QImage::Format_ARGB32);
    picture.fill(Stripes[4]);
    QString error;
    QVERIFY2(avatar.save(picture, &error), qPrintable(error));
    QVERIFY(avatar.exists());
    QCOMPARE(avatar.path(), profile.filePath(QStringLiteral("new-profile/avatar.png")));
    const QImage loaded = LocalAvatar(profile.filePath(QStringLiteral("new-profile"))).image();
    QCOMPARE(loaded.size(), QSize(512, 512));
    QVERIFY(sameColour(loaded.pixel(100, 100), Stripes[4]));
    // Nothing but the picture is left in the folder (no temporary file).
    QCOMPARE(QDir(profile.filePath(QStringLiteral("new-profile")))
                 .entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("avatar.png")});

    QVERIFY2(avatar.remove(&error), qPrintable(error));
    QVERIFY(!avatar.exists());
    QVERIFY(avatar.image().isNull());
    QVERIFY(avatar.remove(&error)); // already gone
}

void TestAvatar::aFailedSaveKeepsTheOldPicture()
{
    QImage old(512, 512, QImage::Format_ARGB32);
    old.fill(Stripes[0]);
    // Random pixels: a PNG of about a megabyte.
    QImage noisy(512, 512, QImage::Format_RGB32);
    QRandomGenerator generator(7);
    for (int y = 0; y < noisy.height(); ++y)
        for (int x = 0; x < noisy.width(); ++x)
            noisy.setPixel(x, y, generator.generate() | 0xff000000);
    QString error;

    // A profile "folder" that is a file.
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("profile")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY(!LocalAvatar(file.fileName()).save(old, &error));
    QVERIFY2(error.startsWith(QLatin1String("Cannot create the folder")), qPrintable(error));

    // The disk is full halfway through the new picture (a file size limit, which holds for
    // root too, unlike a read-only folder).
    const LocalAvatar avatar(dir.filePath(QStringLiteral("kept")));
    QVERIFY2(avatar.save(old, &error), qPrintable(error));
    rlimit before{};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &before), 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = before;
    small.rlim_cur = 64 * 1024;
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
    error.clear();
    const bool saved = avatar.save(noisy, &error);
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &before), 0);
    std::signal(SIGXFSZ, previousHandler);
    QVERIFY(!saved);
    QVERIFY2(error.startsWith(QLatin1String("Cannot write ")), qPrintable(error));
    QVERIFY(sameColour(avatar.image().pixel(256, 256), Stripes[0]));
    QCOMPARE(QDir(dir.filePath(QStringLiteral("kept")))
                 .entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("avatar.png")});

    // A read-only folder, where permissions hold (not for root).
    if (geteuid() != 0) {
        QVERIFY(QFile::setPermissions(dir.filePath(QStringLiteral("kept")),
                                      QFile::ReadOwner | QFile::ExeOwner));
        error.clear();
        QVERIFY(!avatar.save(noisy, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(sameColour(avatar.image().pixel(256, 256), Stripes[0]));
        QFile::setPermissions(dir.filePath(QStringLiteral("kept")),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
}

void TestAvatar::settingsShowChangeAndRemoveThePicture()
{
    const LocalAvatar avatar(m_client->account().profileDir());

    ui::SettingsDialog dialog(m_client->account());
    dialog.resize(620, 460);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_VERIFY_WITH_TIMEOUT(
        dialog.findChild<QCheckBox *>(QStringLiteral("privacyLastSeen"))->isEnabled(), WaitMs);
    auto *remove = dialog.findChild<QPushButton *>(QStringLiteral("removeAvatar"));
    auto *preview = dialog.findChild<QLabel *>(QStringLiteral("avatarPreview"));
    QVERIFY(remove && preview && dialog.findChild<QPushButton *>(QStringLiteral("changeAvatar")));
    QVERIFY(remove->isHidden()); // nothing to remove yet
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("avatarNote"))
                ->text()
                .contains(QLatin1String("kept on this computer")));
    // The initials on the person's colour until there is a picture.
    const QImage initials = preview->pixmap().toImage();
    QVERIFY(!initials.isNull());
    saveScreenshot(&dialog, QStringLiteral("settings-profile-initials.png"));

    dialog.chooseAvatarFrom(m_files.filePath(QStringLiteral("stripes.png")));
    AvatarCropDialog *crop = openCropDialog(&dialog);
    QVERIFY(crop);
    crop->findChild<QSlider *>(QStringLiteral("avatarZoom"))->setValue(200);
    saveScreenshot(crop, QStringLiteral("settings-avatar-crop.png"));
    crop->accept();
    QTRY_VERIFY(!dialog.findChild<AvatarCropDialog *>()); // closed and deleted
    QVERIFY(avatar.exists());
    QCOMPARE(avatar.image().size(), QSize(512, 512));
    QCOMPARE(stripesAcross(avatar.image()), (QList<int>{3, 3, 4, 4}));
    QVERIFY(!remove->isHidden());
    const QImage shown = preview->pixmap().toImage();
    QVERIFY(shown != initials);
    // Round: the corners are clear, the middle is the picture.
    QCOMPARE(qAlpha(shown.pixel(1, 1)), 0);
    const QPoint middle(shown.width() / 2 - shown.width() / 8, shown.height() / 2);
    QCOMPARE(stripeOf(shown.pixel(middle)), 3);
    saveScreenshot(&dialog, QStringLiteral("settings-profile-avatar.png"));

    // A file that is not a picture: said in place, the picture stays.
    dialog.chooseAvatarFrom(m_files.filePath(QStringLiteral("corrupt.png")));
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("settingsError"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("cannot be opened as a picture")),
             qPrintable(error->text()));
    QVERIFY(!dialog.findChild<AvatarCropDialog *>());
    QVERIFY(avatar.exists());

    // A crop cancelled changes nothing.
    dialog.chooseAvatarFrom(m_files.filePath(QStringLiteral("tiny.png")));
    crop = openCropDialog(&dialog);
    QVERIFY(crop);
    crop->reject();
    QTRY_VERIFY(!dialog.findChild<AvatarCropDialog *>());
    QCOMPARE(stripesAcross(avatar.image()), (QList<int>{3, 3, 4, 4}));

    QTest::mouseClick(remove, Qt::LeftButton);
    QVERIFY(!avatar.exists());
    QVERIFY(remove->isHidden());
    QCOMPARE(preview->pixmap().toImage(), initials);
}

void TestAvatar::theFirstProfileTakesAnOptionalPicture()
{
    QTemporaryDir profile;
    ui::ProfileSetupPage page;
    page.resize(640, 600);
    page.start(m_client->account().settings(), profile.path(), m_client->session().userId);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *button = page.findChild<QToolButton *>(QStringLiteral("setupAvatar"));
    auto *text = page.findChild<QPushButton *>(QStringLiteral("setupAvatarText"));
    QVERIFY(button && text);
    QCOMPARE(text->text(), QStringLiteral("Add a picture (optional)"));
    page.findChild<QLineEdit *>(QStringLiteral("setupName"))->setText(QStringLiteral("Ada Pic"));
    const QImage initials = button->icon().pixmap(96).toImage();
    saveScreenshot(&page, QStringLiteral("profile-setup-initials.png"));

    page.chooseAvatarFrom(m_files.filePath(QStringLiteral("stripes.png")));
    AvatarCropDialog *crop = openCropDialog(&page);
    QVERIFY(crop);
    crop->accept();
    QCOMPARE(text->text(), QStringLiteral("Change picture"));
    QVERIFY(button->icon().pixmap(96).toImage() != initials);
    // Kept only when the user continues.
    QVERIFY(!LocalAvatar(profile.path()).exists());
    saveScreenshot(&page, QStringLiteral("profile-setup-avatar.png"));
    QSignalSpy finished(&page, &ui::ProfileSetupPage::finished);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("setupContinue")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, WaitMs);
    const QImage saved = LocalAvatar(profile.path()).image();
    QCOMPARE(saved.size(), QSize(512, 512));
    QCOMPARE(stripesAcross(saved), (QList<int>{2, 3, 4, 5}));
}

QTEST_MAIN(TestAvatar)
#include "tst_avatar.moc"
