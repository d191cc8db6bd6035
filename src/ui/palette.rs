//! Colours of the AIRR parts, chosen so that readers with any common colour-vision deficiency can tell
//! them apart and body text stays readable on each (see the tests).

use egui::Color32;

use crate::airr::AirrPart;

/// How text of one part is drawn: its highlight and the text colour on top of it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PartColors {
    pub background: Color32,
    pub text: Color32,
}

/// The highlight colours for the dark or the light theme.
pub fn part_colors(part: AirrPart, dark_mode: bool) -> PartColors {
    let background = match (part, dark_mode) {
        (AirrPart::Acknowledge, false) => Color32::from_rgb(0xFF, 0xE9, 0x8A),
        (AirrPart::Inform, false) => Color32::from_rgb(0xBA, 0xB3, 0xFC),
        (AirrPart::Resolve, false) => Color32::from_rgb(0xBE, 0xF5, 0xC9),
        (AirrPart::Remediate, false) => Color32::from_rgb(0xE5, 0xA9, 0xC6),
        (AirrPart::Acknowledge, true) => Color32::from_rgb(0x6E, 0x3D, 0x00),
        (AirrPart::Inform, true) => Color32::from_rgb(0x1F, 0x2A, 0x80),
        (AirrPart::Resolve, true) => Color32::from_rgb(0x00, 0x5E, 0x42),
        (AirrPart::Remediate, true) => Color32::from_rgb(0x5A, 0x2C, 0x66),
    };
    PartColors {
        background,
        text: highlight_text_color(dark_mode),
    }
}

/// Body text on a highlight: near-black on the light theme's pale tints, near-white on the dark theme's.
pub fn highlight_text_color(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_gray(0xF2)
    } else {
        Color32::from_gray(0x1A)
    }
}

/// The short marker written before each highlighted piece, so the part is never told by colour alone.
pub fn part_marker(part: AirrPart) -> &'static str {
    match part {
        AirrPart::Acknowledge => "ACK",
        AirrPart::Inform => "INF",
        AirrPart::Resolve => "RES",
        AirrPart::Remediate => "REM",
    }
}

#[cfg(test)]
mod tests {
    //! WCAG 2 contrast, and colour difference (CIE76 ΔE) after simulating colour-vision deficiencies
    //! with the Machado, Oliveira and Fernandes (2009) matrices at full severity.

    use super::*;

    fn linear(channel: u8) -> f64 {
        let c = f64::from(channel) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }

    fn linear_rgb(color: Color32) -> [f64; 3] {
        [linear(color.r()), linear(color.g()), linear(color.b())]
    }

    fn luminance([r, g, b]: [f64; 3]) -> f64 {
        0.2126 * r + 0.7152 * g + 0.0722 * b
    }

    fn contrast(a: Color32, b: Color32) -> f64 {
        let (la, lb) = (luminance(linear_rgb(a)), luminance(linear_rgb(b)));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    fn lab(rgb: [f64; 3]) -> [f64; 3] {
        let [r, g, b] = rgb.map(|c| c.clamp(0.0, 1.0));
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        let f = |t: f64| {
            if t > 0.008856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        let (fx, fy, fz) = (f(x), f(y), f(z));
        [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
    }

    type Matrix = [[f64; 3]; 3];
    const NORMAL: Matrix = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];
    const PROTANOPIA: Matrix = [
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ];
    const DEUTERANOPIA: Matrix = [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ];
    const TRITANOPIA: Matrix = [
        [1.255528, -0.076749, -0.178779],
        [-0.078411, 0.930809, 0.147602],
        [0.004733, 0.691367, 0.303900],
    ];

    fn seen_as(color: Color32, matrix: &Matrix) -> [f64; 3] {
        let rgb = linear_rgb(color);
        lab(matrix.map(|row| row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]))
    }

    fn distance(a: [f64; 3], b: [f64; 3]) -> f64 {
        a.iter()
            .zip(b)
            .map(|(x, y)| (x - y).powi(2))
            .sum::<f64>()
            .sqrt()
    }

    #[test]
    fn body_text_reads_on_every_highlight_in_both_themes() {
        for dark_mode in [false, true] {
            for part in AirrPart::ALL {
                let colors = part_colors(part, dark_mode);
                let ratio = contrast(colors.text, colors.background);
                assert!(
                    ratio >= 4.5,
                    "{part} (dark: {dark_mode}): contrast {ratio:.2} is below 4.5:1"
                );
            }
        }
    }

    #[test]
    fn parts_stay_apart_for_colour_blind_readers() {
        let visions = [
            ("normal", NORMAL),
            ("protanopia", PROTANOPIA),
            ("deuteranopia", DEUTERANOPIA),
            ("tritanopia", TRITANOPIA),
        ];
        for dark_mode in [false, true] {
            for (vision, matrix) in &visions {
                for (i, a) in AirrPart::ALL.into_iter().enumerate() {
                    for b in AirrPart::ALL.into_iter().skip(i + 1) {
                        let delta = distance(
                            seen_as(part_colors(a, dark_mode).background, matrix),
                            seen_as(part_colors(b, dark_mode).background, matrix),
                        );
                        assert!(
                            delta >= 15.0,
                            "{a} and {b} (dark: {dark_mode}) differ by only ΔE {delta:.1} with {vision}"
                        );
                    }
                }
            }
        }
    }
}
