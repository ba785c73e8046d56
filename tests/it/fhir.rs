//! The FHIR exports' shape, natively. Validation against FHIR R4 itself is
//! done with fhir.resources from PyPI (tests/fhir/validate.py, run by
//! scripts/test).

use foot_triage::{fhir, json::Json};
use serde_json::{Value, json};

use crate::support::{answers, kb};

/// Every question item, checklist groups opened.
fn leaves(resource: &Value) -> Vec<&Value> {
    let mut out = Vec::new();
    for i in resource["item"].as_array().unwrap() {
        // A group is typed in a Questionnaire; in a response it is an item
        // that holds items and no answer.
        if i["type"] == "group" || (i.get("item").is_some() && i.get("answer").is_none()) {
            out.extend(leaves(i))
        } else {
            out.push(i)
        }
    }
    out
}

fn item<'a>(resource: &'a Value, link_id: &str) -> &'a Value {
    leaves(resource).into_iter().find(|i| i["linkId"] == link_id).unwrap_or_else(|| panic!("{link_id}"))
}

#[test]
fn the_questionnaire_carries_the_adaptive_flow_as_enable_when() {
    let q = Value::from(&fhir::questionnaire(kb()));
    assert_eq!(q["resourceType"], "Questionnaire");
    assert_eq!(leaves(&q).len(), kb().data.questions.len());
    // A checklist screen's questions sit in one group item, in the response too.
    let foot_now = q["item"].as_array().unwrap().iter().find(|i| i["linkId"] == "group-foot_now").expect("group");
    assert_eq!(foot_now["type"], "group");
    assert!(foot_now["item"].as_array().unwrap().iter().any(|i| i["linkId"] == "cold_pale_foot"));
    // `numbness_tingling is yes` opens the looser-laces question.
    let laces = item(&q, "numbness_resolves_when_laces_loosened");
    assert_eq!(laces["enableWhen"], json!([{"question": "numbness_tingling", "operator": "=", "answerBoolean": true}]));
    assert_eq!(item(&q, "tender_spots")["repeats"], true);
    // Every gate is carried one way or the other.
    for question in kb().data.questions.iter().filter(|q| q.ask_when.text != "true") {
        let i = item(&q, &question.id);
        assert!(i.get("enableWhen").is_some() || i.get("extension").is_some(), "{} has no gate", question.id);
    }
}

#[test]
fn a_response_records_not_sure_as_asked_but_unknown() {
    let given =
        answers(json!({"injury": "twist_or_roll", "can_bear_weight": "not_sure", "timing": [], "duration_days": 3}));
    let r = Value::from(&fhir::response(kb(), &given));
    assert_eq!(r["resourceType"], "QuestionnaireResponse");
    assert_eq!(r["questionnaire"], format!("{}|{}", fhir::CANONICAL, kb().data.meta.version));
    assert_eq!(item(&r, "can_bear_weight")["extension"][0]["valueCode"], "asked-unknown");
    assert_eq!(item(&r, "duration_days")["answer"], json!([{"valueDecimal": 3.0}]));
    assert_eq!(item(&r, "timing")["answer"][0]["valueCoding"]["code"], "none");
    assert_eq!(item(&r, "injury")["answer"][0]["valueCoding"]["display"], "I twisted or rolled my ankle or foot");
    assert!(
        matches!(fhir::response(kb(), &answers(json!({}))).get("item"), Some(Json::Array(items)) if items.is_empty())
    );
}
