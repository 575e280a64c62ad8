use rust_decimal::Decimal;
use serde_json::json;

use super::*;
use crate::error::Error;
use crate::surface::decode;

fn pct(text: &str) -> Decimal {
    text.parse().unwrap()
}

#[test]
fn a_band_flags_rates_below_and_above_it_and_keeps_its_ends() {
    let band = WhistleBand::new(pct("2"), pct("15")).unwrap();
    assert_eq!(band.flag(pct("1.99")), Some(WhistleFlag::TooLow));
    assert_eq!(band.flag(pct("2.00")), None);
    assert_eq!(band.flag(pct("15.00")), None);
    assert_eq!(band.flag(pct("15.01")), Some(WhistleFlag::TooHigh));
    assert_eq!(WhistleBand::default().flag(Decimal::ZERO), None);
    assert_eq!(WhistleBand::default().flag(Decimal::ONE_HUNDRED), None);
}

#[test]
fn a_band_out_of_range_or_backwards_is_refused_naming_the_field() {
    let e = WhistleBand::new(pct("-1"), pct("10")).unwrap_err();
    assert!(matches!(e, WhistleBandError { field: "low", .. }), "{e}");
    let e = WhistleBand::new(pct("1"), pct("100.5")).unwrap_err();
    assert!(matches!(e, WhistleBandError { field: "high", .. }), "{e}");
    let e = WhistleBand::new(pct("20"), pct("10")).unwrap_err();
    assert!(matches!(e, WhistleBandError { field: "high", .. }), "{e}");
    assert_eq!(
        Error::from(crate::tasks::TaskError::from(e)).code(),
        "bad_whistle_band"
    );
    assert!(WhistleBand::new(pct("10"), pct("10")).is_ok());
}

#[test]
fn a_street_has_its_own_band_or_the_default() {
    let default = WhistleBand::new(pct("2"), pct("15")).unwrap();
    let own = WhistleBand::new(pct("1"), pct("10")).unwrap();
    let street = NodeCode::parse("510105001").unwrap();
    let other = NodeCode::parse("510105002").unwrap();
    let bands = WhistleBands::new(default, vec![StreetBand { street, band: own }]).unwrap();
    assert_eq!(bands.band_of(street), own);
    assert_eq!(bands.band_of(other), default);
    let twice = vec![
        StreetBand { street, band: own },
        StreetBand {
            street,
            band: default,
        },
    ];
    let e = WhistleBands::new(default, twice).unwrap_err();
    assert!(
        matches!(
            e,
            WhistleBandError {
                field: "streets",
                ..
            }
        ),
        "{e}"
    );
    let community = NodeCode::parse("510105001001").unwrap();
    let e = WhistleBands::new(
        default,
        vec![StreetBand {
            street: community,
            band: own,
        }],
    )
    .unwrap_err();
    assert!(e.to_string().contains("is not a street's code"), "{e}");
}

#[test]
fn reading_bands_checks_them_and_names_the_field() {
    let good = json!({"default": {"low": "2", "high": "15"},
                      "streets": [{"street": "510105001", "band": {"low": "1", "high": "10"}}]});
    let bands: WhistleBands = decode(good.clone()).unwrap();
    assert_eq!(bands.default_band().low(), pct("2"));
    assert_eq!(serde_json::to_value(&bands).unwrap(), good);
    let field = |value: serde_json::Value| match decode::<WhistleBands>(value).unwrap_err() {
        Error::Input(i) => (i.field.clone(), i.to_string()),
        other => panic!("{other}"),
    };
    let (at, text) = field(json!({"default": {"low": "2", "high": "150"}}));
    assert_eq!(at, "default.high");
    assert!(text.contains("not a percentage from 0 to 100"), "{text}");
    let (at, text) = field(json!({"streets": [{"street": "510105001",
                                               "band": {"low": "12", "high": "10"}}]}));
    assert_eq!(at, "streets[0].band");
    assert!(text.contains("high 10 is below low (12)"), "{text}");
    let (_, text) =
        field(json!({"streets": [{"street": "510105", "band": {"low": "1", "high": "2"}}]}));
    assert!(text.contains("510105 is not a street's code"), "{text}");
}
