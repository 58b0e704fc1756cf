// pfviz-cli export, the real binary, headless: every format, and usage errors exit 2.
#include <gtest/gtest.h>

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>

namespace {

struct Result {
    int exitCode;
    QByteArray err;
};

Result cli(const QStringList& args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");  // must work with no display at all
    env.remove("QT_QPA_PLATFORM");
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PFVIZ_CLI), args);
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardError()};
}

}  // namespace

class CliExport : public ::testing::TestWithParam<const char*> {};

TEST_P(CliExport, WritesEachFormat) {
    QTemporaryDir dir;
    const QString fmt = GetParam();
    const QString out = dir.filePath("chart." + fmt);
    const Result r = cli({"export", "fork_cow", "--chart", "faults", "--format", fmt, "--out", out,
                          "--size", "800x450", "--theme", "slide", "--title", "CoW"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QFile f(out);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    if (fmt == "png") {
        EXPECT_EQ(QImage::fromData(bytes).size(), QSize(800, 450));
    }
    if (fmt == "svg") {
        EXPECT_TRUE(bytes.contains("<svg"));
    }
    if (fmt == "pdf") {
        EXPECT_TRUE(bytes.startsWith("%PDF"));
    }
    if (fmt == "csv") {
        EXPECT_TRUE(bytes.startsWith("time_ns,step,"));
    }
    if (fmt == "json") {
        EXPECT_TRUE(bytes.contains("\"header\""));
    }
}

INSTANTIATE_TEST_SUITE_P(Formats, CliExport, ::testing::Values("png", "svg", "pdf", "csv", "json"));

TEST(CliExportErrors, BadInputExitsTwoWithAMessage) {
    QTemporaryDir dir;
    const QString out = dir.filePath("x.png");
    const QList<QStringList> bad{
        {"export", "fork_cow", "--chart", "pie", "--format", "png", "--out", out},
        {"export", "fork_cow", "--chart", "faults", "--format", "gif", "--out", out},
        {"export", "fork_cow", "--chart", "faults", "--format", "png"},
        {"export", "fork_cow", "--chart", "faults", "--format", "png", "--out", out, "--size",
         "big"},
        {"export", "no_such_scenario", "--chart", "faults", "--format", "png", "--out", out},
        {"export", "fork_cow", "--chart", "workingset", "--format", "png", "--out", out, "--tau",
         "0"},
        {"export", "fork_cow", "--chart", "faults", "--format", "png", "--out",
         dir.filePath("missing/dir/x.png")},
    };
    for (const QStringList& args : bad) {
        const Result r = cli(args);
        EXPECT_EQ(r.exitCode, 2) << args.join(' ').toStdString();
        EXPECT_FALSE(r.err.isEmpty()) << args.join(' ').toStdString();
    }
    EXPECT_FALSE(QFile::exists(out));
}

TEST(CliExportErrors, UntilStopsEarly) {
    QTemporaryDir dir;
    const QString out = dir.filePath("s.csv");
    ASSERT_EQ(cli({"export", "fork_cow", "--chart", "memory", "--format", "csv", "--out", out,
                   "--until", "100"})
                  .exitCode,
              0);
    QFile f(out);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    EXPECT_EQ(lines.last().split(',').at(1), QByteArray("100"));
}
