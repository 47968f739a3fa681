// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plots/plot_palette.h"

namespace rs::ui {

QColor methodColor(roam::Method method) {
  using roam::Method;
  switch (method) {
    case Method::Open:
      return QColor(0x8c, 0x8c, 0x8c);  // grey: no security to compare
    case Method::Psk:
      return QColor(0xe6, 0x9f, 0x00);  // orange
    case Method::Full8021X:
      return QColor(0xd5, 0x5e, 0x00);  // vermillion: the slow one stands out
    case Method::PmkCache:
      return QColor(0x56, 0xb4, 0xe9);  // sky blue
    case Method::Okc:
      return QColor(0x00, 0x9e, 0x73);  // bluish green
    case Method::PreAuthentication:
      return QColor(0xcc, 0x79, 0xa7);  // reddish purple
    case Method::FtOverAir:
      return QColor(0x3d, 0x8b, 0xd9);  // blue, lighter than Okabe–Ito's for dark themes
    case Method::FtOverDs:
      return QColor(0x8a, 0x6f, 0xd8);  // violet
    case Method::Sae:
      return QColor(0xb8, 0xa0, 0x00);  // dark yellow: pure yellow vanishes on white
    case Method::Seed000:
      return QColor(0x1b, 0x7f, 0x79);  // dark teal: apart from FT's blues and OKC's green
  }
  return QColor(0x80, 0x80, 0x80);
}

QColor phaseColor(roam::PhaseKind phase) {
  using roam::PhaseKind;
  switch (phase) {
    case PhaseKind::Scan:
      return QColor(0x7f, 0x8f, 0xa6);
    case PhaseKind::Authentication:
      return QColor(0x4e, 0x9a, 0xd6);
    case PhaseKind::FtAction:
      return QColor(0x8e, 0x6b, 0xc9);
    case PhaseKind::Reassociation:
      return QColor(0x2b, 0xa5, 0x8a);
    case PhaseKind::Eap:
      return QColor(0xd9, 0x82, 0x2b);
    case PhaseKind::FourWay:
      return QColor(0xd4, 0x5a, 0x5a);
    case PhaseKind::GroupKey:
      return QColor(0xc9, 0xa2, 0x27);
    case PhaseKind::Seed000Exchange:
      return QColor(0x3a, 0x9e, 0x9a);
  }
  return QColor(0x80, 0x80, 0x80);
}

QColor registrationAuthColor(mipreg::Auth auth) {
  using mipreg::Auth;
  switch (auth) {
    case Auth::Static:
      return QColor(0x8c, 0x8c, 0x8c);  // grey: the baseline
    case Auth::AaaDynamic:
      return QColor(0xd5, 0x5e, 0x00);  // vermillion: the one that waits for the AAA server
    case Auth::SkeyPrime:
      return QColor(0x00, 0x9e, 0x73);  // bluish green
    case Auth::SkeyRekey:
      return QColor(0x3d, 0x8b, 0xd9);  // blue
  }
  return QColor(0x80, 0x80, 0x80);
}

QColor registrationHopColor(mipreg::Figure hop) {
  using mipreg::Figure;
  switch (hop) {
    case Figure::MnToFa:
      return QColor(0x7f, 0x8f, 0xa6);
    case Figure::FaAaaRoundTrip:
      return QColor(0xe6, 0xb4, 0x3c);  // a lighter orange than the HA's AAA round trip: the same server, asked first
    case Figure::FaToHa:
      return QColor(0x4e, 0x9a, 0xd6);
    case Figure::AaaRoundTrip:
      return QColor(0xd9, 0x82, 0x2b);
    case Figure::HomeAgentKeys:
      return QColor(0xd4, 0x5a, 0x5a);
    case Figure::HaToMn:
      return QColor(0x2b, 0xa5, 0x8a);
    case Figure::Registration:
    case Figure::MovementToRegistered:
      break;
  }
  return QColor(0x80, 0x80, 0x80);
}

}  // namespace rs::ui
