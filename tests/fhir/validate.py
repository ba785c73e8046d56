"""Validates the CLI's FHIR exports against FHIR R4 (4.0.1) with fhir.resources
(a FHIR library from PyPI), then checks that each response fits the
questionnaire it names: every linkId exists, answers have the item's type, and
coded answers are among the item's options.

Usage:
  validate.py FOOT_TRIAGE_BINARY ANSWERS.json...
      the CLI's questionnaire, and its response to each answers file;
  validate.py --files QUESTIONNAIRE.json RESPONSE.json...
      files the widget downloaded (the end-to-end tests use this).
"""

import json
import subprocess
import sys

import fhir.resources
from fhir.resources.questionnaire import Questionnaire
from fhir.resources.questionnaireresponse import QuestionnaireResponse

VALUE_FOR_TYPE = {"boolean": "valueBoolean", "choice": "valueCoding", "decimal": "valueDecimal"}


def run(binary, *args, stdin=None):
    out = subprocess.run([binary, *args], input=stdin, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def leaves(items):
    """Every question item, the items of checklist groups included."""
    for item in items or []:
        if getattr(item, "type", None) == "group" or (item.item and not item.answer):
            yield from leaves(item.item)
        else:
            yield item


def check_questionnaire(raw):
    assert fhir.resources.__fhir_version__ == "4.0.1", fhir.resources.__fhir_version__
    questionnaire = Questionnaire.parse_obj(raw)
    items = {item.linkId: item for item in leaves(questionnaire.item)}
    groups = [item for item in questionnaire.item if item.type == "group"]
    assert all(g.item for g in groups), "a group item with no questions"
    gated = 0
    for item in items.values():
        for condition in item.enableWhen or []:
            assert condition.question in items, f"{item.linkId}: enableWhen names {condition.question}"
        gated += bool(item.enableWhen) or bool(item.extension)
    print(f"Questionnaire: valid FHIR R4, {len(items)} items in {len(groups)} checklist groups, {gated} with enableWhen")
    return questionnaire, items


def check_response(raw, questionnaire, items, label):
    response = QuestionnaireResponse.parse_obj(raw)
    assert response.questionnaire == f"{questionnaire.url}|{questionnaire.version}", response.questionnaire
    assert response.item, f"{label}: no answers"
    for answered in leaves(response.item):
        item = items[answered.linkId]
        for answer in answered.answer or []:
            field = VALUE_FOR_TYPE[item.type]
            value = getattr(answer, field)
            assert value is not None, f"{answered.linkId}: expected {field}"
            if item.type == "choice":
                codes = {option.valueCoding.code for option in item.answerOption}
                assert value.code in codes, f"{answered.linkId}: {value.code} is not an option"
        if not answered.answer:
            reasons = [e.valueCode for e in answered.extension or []]
            assert reasons == ["asked-unknown"], f"{answered.linkId}: no answer and no reason"
    print(f"QuestionnaireResponse for {label}: valid FHIR R4, {len(list(leaves(response.item)))} items")


TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"


def check_translations(raw, language, other):
    """Every item's text carries its words in `other` as the FHIR
    translation extension, and the resource states its language."""
    assert raw.get("language") == language, raw.get("language")

    def walk(items):
        for item in items or []:
            yield item
            yield from walk(item.get("item"))

    items = list(walk(raw["item"]))
    for item in items:
        found = [
            {part["url"]: part.get("valueCode") or part.get("valueString") for part in ext["extension"]}
            for ext in item.get("_text", {}).get("extension", [])
            if ext["url"] == TRANSLATION
        ]
        assert any(f.get("lang") == other and f.get("content") for f in found), f"{item['linkId']}: no {other} text"
    print(f"Questionnaire in {language}: every one of {len(items)} items carries its {other} text")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main():
    if sys.argv[1] == "--files":
        questionnaire, items = check_questionnaire(load(sys.argv[2]))
        for path in sys.argv[3:]:
            check_response(load(path), questionnaire, items, path)
        return
    binary, answer_files = sys.argv[1], sys.argv[2:]
    raw = run(binary, "fhir", "questionnaire")
    questionnaire, items = check_questionnaire(raw)
    check_translations(raw, "en", "es")
    spanish = run(binary, "--lang", "es", "fhir", "questionnaire")
    check_questionnaire(spanish)
    check_translations(spanish, "es", "en")
    for path in answer_files:
        with open(path, encoding="utf-8") as f:
            raw = run(binary, "fhir", "response", stdin=f.read())
        check_response(raw, questionnaire, items, path)
        with open(path, encoding="utf-8") as f:
            spanish = run(binary, "--lang", "es", "fhir", "response", stdin=f.read())
        assert spanish["language"] == "es", spanish.get("language")
        check_response(spanish, questionnaire, items, f"{path} (es)")
        # The runner's country is recorded as an ISO 3166 coding, and the
        # extension is valid FHIR with the rest.
        with open(path, encoding="utf-8") as f:
            placed = run(binary, "--lang", "es", "--region", "MX", "fhir", "response", stdin=f.read())
        coding = placed["extension"][0]["valueCoding"]
        assert (coding["system"], coding["code"]) == ("urn:iso:std:iso:3166", "MX"), coding
        check_response(placed, questionnaire, items, f"{path} (es, MX)")


if __name__ == "__main__":
    main()
