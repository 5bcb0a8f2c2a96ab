//! The map widget driven through egui_kittest: clicks select provinces and links, drag pans,
//! Esc and clicks on the sea clear.

use border_atlas::app::map::{MapInput, MapResponse, MapView};
use border_atlas::geo::geography;
use egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;

struct State {
    view: MapView,
    input: MapInput,
    responses: Vec<MapResponse>,
}

fn harness(input: MapInput) -> Harness<'static, State> {
    Harness::builder().with_size([800.0, 600.0]).build_ui_state(
        |ui, s: &mut State| {
            let r = s.view.ui(ui, &s.input);
            if r != MapResponse::default() {
                s.responses.push(r);
            }
        },
        State {
            view: MapView::default(),
            input,
            responses: Vec::new(),
        },
    )
}

fn click(h: &mut Harness<'static, State>, pos: Pos2) {
    h.state_mut().responses.clear();
    h.hover_at(pos);
    h.step();
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.step();
    }
    h.step();
}

fn label_pos(h: &Harness<'static, State>, id: &str) -> Pos2 {
    let r = geography().region(id).expect("province");
    h.state()
        .view
        .screen_pos(r.label[0], r.label[1])
        .expect("a frame was drawn")
}

fn last_province(h: &Harness<'static, State>) -> Option<Option<String>> {
    h.state()
        .responses
        .iter()
        .rev()
        .find_map(|r| r.select_province.clone())
}

#[test]
fn clicking_label_points_selects_provinces_and_the_sea_clears() {
    let mut h = harness(MapInput::default());
    h.step();
    let st = label_pos(&h, "KH-19");
    assert!(
        h.state().view.last_transform().unwrap().rect.contains(st),
        "Stung Treng framed at start: {st:?}"
    );
    click(&mut h, st);
    assert_eq!(last_province(&h), Some(Some("KH-19".to_string())));

    let ch = label_pos(&h, "LA-CH");
    click(&mut h, ch);
    assert_eq!(last_province(&h), Some(Some("LA-CH".to_string())));

    // Thailand north of the Dangrek escarpment: land, but no province.
    let (lon, lat) = (104.3, 14.8);
    assert!(geography().province_at(lon, lat).is_none());
    assert_eq!(
        geography().region_at(lon, lat).map(|r| r.id.as_str()),
        Some("TH")
    );
    let sea = h.state().view.screen_pos(lon, lat).unwrap();
    assert!(h.state().view.last_transform().unwrap().rect.contains(sea));
    click(&mut h, sea);
    assert_eq!(last_province(&h), Some(None));
}

#[test]
fn escape_clears_the_selection() {
    let mut h = harness(MapInput {
        selected: Some("KH-19".into()),
        ..Default::default()
    });
    h.step();
    let st = label_pos(&h, "KH-19");
    click(&mut h, st);
    h.state_mut().responses.clear();
    h.key_press(egui::Key::Escape);
    h.step();
    assert_eq!(last_province(&h), Some(None));
}

#[test]
fn arrow_keys_move_the_selection() {
    let mut h = harness(MapInput {
        selected: Some("KH-19".into()),
        ..Default::default()
    });
    h.step();
    let st = label_pos(&h, "KH-19");
    click(&mut h, st); // gives the map focus
    h.state_mut().responses.clear();
    h.key_press(egui::Key::ArrowRight);
    h.step();
    assert_eq!(last_province(&h), Some(Some("KH-16".to_string())));
}

#[test]
fn dragging_pans_the_map() {
    let mut h = harness(MapInput::default());
    h.step();
    let before = label_pos(&h, "KH-19");
    let start = Pos2::new(400.0, 300.0);
    h.hover_at(start);
    h.step();
    h.drag_at(start);
    h.step();
    for i in 1..=5 {
        h.hover_at(start + egui::vec2(20.0 * i as f32, 10.0 * i as f32));
        h.step();
    }
    h.drop_at(start + egui::vec2(100.0, 50.0));
    h.step();
    let after = label_pos(&h, "KH-19");
    let moved = after - before;
    assert!(
        (moved.x - 100.0).abs() < 30.0 && (moved.y - 50.0).abs() < 30.0,
        "moved {moved:?}"
    );
    // A drag is not a click: nothing selected.
    assert_eq!(last_province(&h), None);
}

#[test]
fn clicking_an_arc_selects_the_link() {
    let mut h = harness(MapInput {
        links: vec![
            ("LA-CH".into(), "KH-16".into(), 7),
            ("LA-AT".into(), "KH-19".into(), 2),
        ],
        ..Default::default()
    });
    h.step();
    let p = h.state().view.link_point("LA-CH", "KH-16").unwrap();
    click(&mut h, p);
    let link = h
        .state()
        .responses
        .iter()
        .rev()
        .find_map(|r| r.select_link.clone());
    assert_eq!(link, Some(("LA-CH".to_string(), "KH-16".to_string())));
    assert_eq!(
        last_province(&h),
        None,
        "an arc click is not a province click"
    );
}

#[test]
fn zoom_with_the_wheel_keeps_the_point_under_the_pointer() {
    let mut h = harness(MapInput::default());
    h.step();
    let st = label_pos(&h, "KH-19");
    h.hover_at(st);
    h.step();
    let scale0 = h.state().view.scale;
    h.event(Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 120.0),
        modifiers: Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
    });
    for _ in 0..6 {
        h.step();
    }
    let scale1 = h.state().view.scale;
    assert!(scale1 > scale0 * 1.05, "zoomed in: {scale0} → {scale1}");
    let st1 = label_pos(&h, "KH-19");
    assert!((st1 - st).length() < 3.0, "{st:?} → {st1:?}");
}

/// A meeting of five provinces is one hub with five spokes, not six arcs;
/// hovering its node says what it stands for.
#[test]
fn a_multilateral_event_is_a_hub_that_tells_its_provinces() {
    let five = ["KH-13", "KH-16", "KH-19", "LA-AT", "LA-CH"];
    let mut h = harness(MapInput {
        hubs: vec![(five.map(String::from).to_vec(), 3)],
        ..Default::default()
    });
    h.step();
    let p = h.state().view.hub_point(&five).expect("drawn");
    h.hover_at(p);
    // Tooltips wait for the pointer to rest.
    for _ in 0..60 {
        h.step();
    }
    h.get_by_label_contains("3 events of 5 provinces");
    h.get_by_label_contains("Stung Treng");
}
