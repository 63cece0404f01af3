#include "web/pupils/ctf_reader.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/XMLReader.h>

namespace waypoint::web {
namespace {

using Poco::XML::Element;
using Poco::XML::Node;

std::string child_text(const Element* parent, const char* name) {
  const auto* e = parent->getChildElement(name);
  return e ? std::string(e->innerText()) : std::string();
}

std::vector<const Element*> children(const Element* parent, const char* name) {
  std::vector<const Element*> out;
  for (auto* n = parent->firstChild(); n; n = n->nextSibling())
    if (n->nodeType() == Node::ELEMENT_NODE && n->nodeName() == name) out.push_back(static_cast<const Element*>(n));
  return out;
}

}  // namespace

std::vector<domain::RawPupil> read_ctf(std::string_view xml) {
  Poco::XML::DOMParser parser;
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
  Poco::AutoPtr<Poco::XML::Document> doc;
  try {
    doc = parser.parseMemory(xml.data(), xml.size());
  } catch (const Poco::Exception&) {
    throw CtfError("The file is not a readable Common Transfer File: its XML is broken");
  }
  const auto* root = doc->documentElement();
  if (!root || root->nodeName() != "CTfile")
    throw CtfError("The file is not a Common Transfer File: it must start with a CTfile element");
  const auto* data = root->getChildElement("CTFpupilData");
  if (!data) throw CtfError("The Common Transfer File has no CTFpupilData: there are no pupils in it");
  std::vector<domain::RawPupil> out;
  int position = 0;
  for (const auto* pupil : children(data, "Pupil")) {
    domain::RawPupil r;
    r.line = ++position;
    r.upn = child_text(pupil, "UPN");
    r.surname = child_text(pupil, "Surname");
    r.forename = child_text(pupil, "Forename");
    r.date_of_birth = child_text(pupil, "DOB");
    r.gender = child_text(pupil, "Gender");
    if (r.gender.empty()) r.gender = child_text(pupil, "Sex");  // later CTF versions name it Sex
    Poco::AutoPtr<Poco::XML::NodeList> provisions = pupil->getElementsByTagName("SENprovision");
    for (unsigned long i = 0; i < provisions->length(); ++i) {
      const auto code = provisions->item(i)->innerText();
      if (code == "E") r.needs += (r.needs.empty() ? "" : ";") + std::string("ehc_plan");
      if (code == "K") r.needs += (r.needs.empty() ? "" : ";") + std::string("sen_support");
    }
    if (const auto* looked_after = pupil->getChildElement("LookedAfter"))
      if (child_text(looked_after, "InCare") == "true") r.looked_after = "yes";
    out.push_back(r);
  }
  return out;
}

}  // namespace waypoint::web
