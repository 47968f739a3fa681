// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// main() for suites that draw QCustomPlot widgets: a QApplication on the
// offscreen platform unless the environment chose one (CTest sets it too;
// this makes a direct run work without a display).
#include <QApplication>
#include <QtTest>

#define RS_OFFSCREEN_TEST_MAIN(TestClass)                                                       \
  int main(int argc, char** argv) {                                                             \
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen"); \
    QApplication app(argc, argv);                                                               \
    TestClass test;                                                                             \
    return QTest::qExec(&test, argc, argv);                                                     \
  }
