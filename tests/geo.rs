//! The embedded province geometry: completeness, areas, capitals, triangulation.

use border_atlas::geo::{geography, Geography, Region, PROVINCES_GEOJSON};

/// (id, country, capital, lon, lat): the 43 provincial capitals (public coordinates).
const CAPITALS: &[(&str, &str, &str, f64, f64)] = &[
    ("LA-AT", "LA", "Samakkhixay", 106.832, 14.808),
    ("LA-BK", "LA", "Houayxay", 100.413, 20.276),
    ("LA-BL", "LA", "Paksan", 103.656, 18.396),
    ("LA-CH", "LA", "Pakse", 105.799, 15.120),
    ("LA-HO", "LA", "Xam Neua", 104.048, 20.416),
    ("LA-KH", "LA", "Thakhek", 104.833, 17.410),
    ("LA-LM", "LA", "Luang Namtha", 101.402, 20.948),
    ("LA-LP", "LA", "Luang Prabang", 102.135, 19.886),
    ("LA-OU", "LA", "Muang Xay", 101.984, 20.692),
    ("LA-PH", "LA", "Phongsaly", 102.105, 21.683),
    ("LA-SL", "LA", "Salavan", 106.417, 15.717),
    ("LA-SV", "LA", "Kaysone Phomvihane", 104.753, 16.557),
    ("LA-VI", "LA", "Phonhong", 102.416, 18.494),
    ("LA-VT", "LA", "Vientiane", 102.613, 17.966),
    ("LA-XA", "LA", "Sainyabuli", 101.710, 19.249),
    ("LA-XE", "LA", "Lamam", 106.722, 15.344),
    ("LA-XI", "LA", "Phonsavan", 103.218, 19.450),
    ("LA-XS", "LA", "Anouvong", 103.094, 18.893),
    ("KH-1", "KH", "Serei Saophoan", 102.973, 13.585),
    ("KH-2", "KH", "Battambang", 103.202, 13.095),
    ("KH-3", "KH", "Kampong Cham", 105.464, 11.993),
    ("KH-4", "KH", "Kampong Chhnang", 104.667, 12.250),
    ("KH-5", "KH", "Chbar Mon", 104.521, 11.454),
    ("KH-6", "KH", "Stung Sen", 104.889, 12.712),
    ("KH-7", "KH", "Kampot", 104.181, 10.610),
    ("KH-8", "KH", "Ta Khmau", 104.946, 11.483),
    ("KH-9", "KH", "Khemarak Phoumin", 102.984, 11.617),
    ("KH-10", "KH", "Kratie", 106.019, 12.488),
    ("KH-11", "KH", "Senmonorom", 107.188, 12.455),
    ("KH-12", "KH", "Phnom Penh", 104.928, 11.556),
    ("KH-13", "KH", "Tbaeng Meanchey", 104.981, 13.807),
    ("KH-14", "KH", "Prey Veng", 105.324, 11.484),
    ("KH-15", "KH", "Pursat", 103.919, 12.538),
    ("KH-16", "KH", "Banlung", 106.987, 13.739),
    ("KH-17", "KH", "Siem Reap", 103.860, 13.362),
    ("KH-18", "KH", "Sihanoukville", 103.522, 10.627),
    ("KH-19", "KH", "Stung Treng", 105.969, 13.526),
    ("KH-20", "KH", "Svay Rieng", 105.799, 11.087),
    ("KH-21", "KH", "Doun Kaev", 104.785, 10.990),
    ("KH-22", "KH", "Samraong", 103.517, 14.182),
    ("KH-23", "KH", "Kep", 104.316, 10.483),
    ("KH-24", "KH", "Pailin", 102.609, 12.849),
    ("KH-25", "KH", "Suong", 105.658, 11.912),
];

/// Natural Earth's 10m outlines are generalised to about a kilometre: a capital on a border
/// river, a coast or right next to a boundary may fall just outside its province.
const GENERALISATION_DEG: f64 = 0.01;

fn g() -> &'static Geography {
    geography()
}

#[test]
fn all_43_provinces_resolve_with_their_country() {
    let g = g();
    assert_eq!(CAPITALS.len(), 43);
    let lao = CAPITALS.iter().filter(|c| c.1 == "LA").count();
    assert_eq!(lao, 18);
    for (id, country, ..) in CAPITALS {
        let r = g
            .region_for(id)
            .unwrap_or_else(|| panic!("{id} has no region"));
        assert_eq!(&r.country, country, "{id}");
        assert!(r.is_province());
        assert!(!r.name.is_empty());
    }
    // 41 faces: Xaisomboun and Tboung Khmum lie in their parents' faces.
    assert_eq!(g.provinces().count(), 41);
    assert_eq!(g.region_for("LA-XS").map(|r| r.id.as_str()), Some("LA-VI"));
    assert_eq!(g.region_for("KH-25").map(|r| r.id.as_str()), Some("KH-3"));
    assert!(g.region("LA-VI").and_then(|r| r.notes.as_ref()).is_some());
    for ctx in ["TH", "VN", "MM", "CN"] {
        let r = g.region(ctx).unwrap_or_else(|| panic!("no {ctx}"));
        assert!(!r.is_province());
        assert_eq!(r.country, ctx);
    }
    let lk = g.border("KH", "LA").expect("Laos–Cambodia border");
    let len: usize = lk.lines.iter().map(Vec::len).sum();
    assert!(len > 50, "border has {len} points");
}

#[test]
fn border_province_areas_match_official_figures() {
    let g = g();
    for (id, official) in [
        ("LA-CH", 15_415.0),
        ("LA-AT", 10_320.0),
        ("KH-19", 11_092.0),
        ("KH-16", 10_782.0),
        ("KH-13", 13_788.0),
    ] {
        let r = g.region(id).unwrap_or_else(|| panic!("no {id}"));
        let a = r.area_km2();
        let diff = (a - official) / official;
        println!(
            "{id} {}: {a:.0} km² (official {official:.0}, {:+.1}%)",
            r.name,
            diff * 100.0
        );
        assert!(diff.abs() < 0.15, "{id}: {a:.0} km² vs {official}");
    }
}

#[test]
fn each_capital_lies_in_its_province() {
    let g = g();
    let mut near_edge = Vec::new();
    for (id, _, capital, lon, lat) in CAPITALS {
        let own: &Region = g.region_for(id).unwrap_or_else(|| panic!("{id}"));
        let hit = g.province_at(*lon, *lat).map(|r| r.id.as_str());
        if hit == Some(own.id.as_str()) {
            continue;
        }
        let d = own.distance_deg(*lon, *lat);
        near_edge.push(format!(
            "{capital} ({id}): {:.0} m outside, hit {hit:?}",
            d * 111_195.0
        ));
        assert!(
            d < GENERALISATION_DEG,
            "{capital} ({id}) is {d:.4}° from its province (hit {hit:?})"
        );
    }
    println!("capitals just outside their generalised outline: {near_edge:#?}");
    // Most capitals are strictly inside.
    assert!(near_edge.len() <= 8, "{near_edge:#?}");
}

#[test]
fn labels_are_inside_their_provinces() {
    for r in g().provinces() {
        assert!(
            r.contains(r.label[0], r.label[1]),
            "label of {} at {:?} is outside",
            r.id,
            r.label
        );
        assert_eq!(
            g().province_at(r.label[0], r.label[1]).map(|x| &x.id),
            Some(&r.id)
        );
    }
}

#[test]
fn triangulation_covers_each_polygon() {
    for r in &g().regions {
        let a = r.area_km2();
        let m = r.mesh_area_km2();
        let ratio = m / a;
        assert!(
            (ratio - 1.0).abs() < 0.01,
            "{}: mesh {m:.1} km² vs polygon {a:.1} km²",
            r.id
        );
        assert!(r.mesh_indices.len() % 3 == 0);
        assert!(r
            .mesh_indices
            .iter()
            .all(|&i| (i as usize) < r.mesh_vertices.len()));
    }
}

#[test]
fn hit_test_respects_the_hole_of_kandal() {
    let g = g();
    // Central Phnom Penh lies in Phnom Penh, not in Kandal that surrounds it.
    assert_eq!(
        g.province_at(104.92, 11.56).map(|r| r.id.as_str()),
        Some("KH-12")
    );
    // The sea and Thailand are not provinces.
    assert!(g.province_at(103.0, 9.5).is_none());
    assert!(g.province_at(100.5, 14.0).is_none());
    assert_eq!(g.region_at(100.5, 14.0).map(|r| r.id.as_str()), Some("TH"));
}

#[test]
fn embedded_file_is_small_and_rounded() {
    assert!(
        PROVINCES_GEOJSON.len() < 500_000,
        "{}",
        PROVINCES_GEOJSON.len()
    );
    let vertices: usize = g()
        .regions
        .iter()
        .map(|r| r.polygons.iter().map(Vec::len).sum::<usize>())
        .sum();
    println!(
        "{} bytes, {vertices} polygon vertices",
        PROVINCES_GEOJSON.len()
    );
    assert!(vertices > 5_000, "too coarse: {vertices}");
}

#[test]
fn tonle_sap_is_a_lake_inside_cambodia() {
    let g = g();
    let lake = g
        .lakes
        .iter()
        .find(|l| l.name == "Tonle Sap")
        .expect("Tonle Sap");
    let a = lake.area_km2();
    // Natural Earth's outline is the low-water lake (~2,500-3,000 km²).
    assert!((2_000.0..4_000.0).contains(&a), "{a}");
    let inside = g
        .province_at(lake.label[0], lake.label[1])
        .map(|r| r.country.as_str());
    assert_eq!(inside, Some("KH"));
    // Lakes do not take part in hit testing.
    assert!(g.regions.iter().all(|r| !r.id.starts_with("lake")));
}
