//! How each kind of node and edge looks: shapes, colours and line styles, shared by the
//! drawing and its legend so that the two cannot disagree.
//!
//! Colours are from the ColorBrewer palettes, pale fills under black text and saturated
//! strokes, chosen to stay apart for the common forms of colour blindness; every state a
//! colour shows is also written in the node's label.

use crate::model::{Kind, Rel};

/// Font of every label.
pub const FONT: &str = "Helvetica";
/// Outline of plain nodes.
pub const OUTLINE: &str = "#525252";
/// Arcs that lie on a cycle of the support graph (circular reporting), and the outline of
/// circular claims.
pub const CYCLE: &str = "#e6550d";

/// The shape, style and fill of an entity of kind `k`: four kinds, four visibly different
/// shapes.
fn entity_look(k: Kind) -> (&'static str, &'static str, &'static str) {
    match k {
        Kind::Country => ("hexagon", "filled", "#e5f5e0"),
        Kind::Person => ("ellipse", "filled", "#f2f0f7"),
        Kind::Organization => ("box", "rounded,filled", "#deebf7"),
    }
}

/// The shape and fill of an entity of kind `k`.
pub fn entity_shape(k: Kind) -> String {
    let (shape, style, fill) = entity_look(k);
    format!(r#"shape="{shape}", style="{style}", fillcolor="{fill}""#)
}

/// Outline of an entity that is a chokepoint of some claim (docs/format.md §2.3).
pub const CHOKEPOINT: &str = "#6a3d9a";
/// Fill of a discredited entity.
pub const FILL_DISCREDITED: &str = "#f0f0f0";

/// What the drawing shows of an entity beyond its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EntityState {
    /// How many claims it is a chokepoint of.
    pub chokes: u32,
    /// Set aside by `--discredit`.
    pub discredited: bool,
}

impl EntityState {
    /// The attributes of an entity of kind `k` in this state: its shape, a heavy purple
    /// outline when it is a chokepoint, grey and dashed when discredited.
    pub fn attrs(self, k: Kind) -> String {
        let (shape, style, _) = entity_look(k);
        let mut attrs = if self.discredited {
            format!(
                r##"shape="{shape}", style="{style},dashed", fillcolor="{FILL_DISCREDITED}", fontcolor="#737373""##
            )
        } else {
            entity_shape(k)
        };
        if self.chokes > 0 {
            attrs.push_str(&format!(r#", color="{CHOKEPOINT}", penwidth="2.5""#));
        }
        attrs
    }

    /// The words for the state, for the label.
    pub fn words(self) -> Vec<String> {
        let mut words = Vec::new();
        if self.chokes > 0 {
            let s = if self.chokes == 1 { "" } else { "s" };
            words.push(format!("chokepoint of {} claim{s}", self.chokes));
        }
        if self.discredited {
            words.push("discredited".to_string());
        }
        words
    }
}

/// The shape of a claim.
pub const CLAIM_SHAPE: &str = "note";

/// The state of a claim that the drawing shows, by priority of its fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClaimState {
    /// Its grounds are non-empty and all carry the highlighted tag.
    pub only_on: bool,
    pub contested: bool,
    pub circular: bool,
    pub ungrounded: bool,
}

/// Fill of a claim that rests only on the highlighted tag.
pub const FILL_ONLY_ON: &str = "#fee391";
/// Fill of a contested claim.
pub const FILL_CONTESTED: &str = "#fbb4ae";
/// Fill of a circular claim.
pub const FILL_CIRCULAR: &str = "#fdd0a2";
/// Fill of an ungrounded claim.
pub const FILL_UNGROUNDED: &str = "#d9d9d9";
/// Fill of any other claim.
pub const FILL_CLAIM: &str = "#ffffff";

impl ClaimState {
    /// The fill: contested first, then resting only on the tag, circular, ungrounded.
    pub fn fill(self) -> &'static str {
        if self.contested {
            FILL_CONTESTED
        } else if self.only_on {
            FILL_ONLY_ON
        } else if self.circular {
            FILL_CIRCULAR
        } else if self.ungrounded {
            FILL_UNGROUNDED
        } else {
            FILL_CLAIM
        }
    }

    /// The attributes of a claim node in this state (outline orange when circular, dashed
    /// when ungrounded, so that a second state still shows beside the fill).
    pub fn attrs(self) -> String {
        let style = if self.ungrounded {
            "filled,dashed"
        } else {
            "filled"
        };
        let (color, pen) = if self.circular {
            (CYCLE, "2")
        } else {
            (OUTLINE, "1")
        };
        format!(
            r#"shape="{CLAIM_SHAPE}", style="{style}", fillcolor="{}", color="{color}", penwidth="{pen}""#,
            self.fill()
        )
    }

    /// The words for the states, for the label (`rests only on intelligence · contested`).
    pub fn words(self, tag: &str) -> Vec<String> {
        let mut words = Vec::new();
        if self.only_on {
            words.push(format!("rests only on {tag}"));
        }
        for (on, word) in [
            (self.contested, "contested"),
            (self.circular, "circular"),
            (self.ungrounded, "ungrounded"),
        ] {
            if on {
                words.push(word.to_string());
            }
        }
        words
    }
}

/// The look of an edge: label, colour, line style and arrows.
#[derive(Debug, Clone, Copy)]
pub struct EdgeLook {
    pub label: &'static str,
    pub color: &'static str,
    pub style: &'static str,
    pub arrows: &'static str,
}

/// The look of an edge with relation `rel`.
pub fn edge_look(rel: Rel) -> EdgeLook {
    match rel {
        Rel::Asserts => EdgeLook {
            label: "asserts",
            color: "#1b7837",
            style: "solid",
            arrows: r#"arrowhead="normal""#,
        },
        Rel::Denies => EdgeLook {
            label: "denies",
            color: "#b2182b",
            style: "bold",
            arrows: r#"arrowhead="tee""#,
        },
        // Drawn from the cited node to the citing one with the arrow at the far end, so that
        // the layout puts a source before what rests on it.
        Rel::Cites => EdgeLook {
            label: "cites",
            color: "#2166ac",
            style: "dashed",
            arrows: r#"dir="back", arrowtail="empty""#,
        },
    }
}

impl EdgeLook {
    /// The attributes, in the warning colour and thicker when the edge is an arc on a
    /// cycle of the support graph.
    ///
    /// `appearances` is how many edges state the relation (one per document): one arrow is
    /// drawn for all of them, its label counting them when there are several.
    pub fn attrs(self, on_cycle: bool, appearances: usize) -> String {
        let (color, pen) = if on_cycle {
            (CYCLE, "2")
        } else {
            (self.color, "1")
        };
        let count = if appearances > 1 {
            format!(" ×{appearances}")
        } else {
            String::new()
        };
        format!(
            r#"label="{}{count}", color="{color}", fontcolor="{color}", style="{}", penwidth="{pen}", {}"#,
            self.label, self.style, self.arrows
        )
    }
}

/// The look of a `part_of` link: dotted, grey, no arrowhead.
pub const PART_OF: &str = r##"color="#969696", style="dotted", dir="none""##;
