"""schema.org data (JSON-LD) for search engines: events and articles, published by the site itself.

The page types supply their values; this module knows only schema.org's shapes. Templates render
the result with the `json_ld` filter of core/templatetags/seo_tags.py.
"""

from django.conf import settings

from core.excerpts import summary

CONTEXT = "https://schema.org"
ATTENDANCE_MODES = {
    "offline": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "mixed": "https://schema.org/MixedEventAttendanceMode",
}


def organization(url=None):
    """The association as organiser or publisher; with its address when one is given."""
    data = {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME}
    if url is not None:
        data["url"] = url
    return data


def event(page, request=None, *, status, organizer_url, sold_out=False, valid_through=None):
    """An Event from an event page's title, times, place, webcast, registration link and speakers."""
    data = {
        "@context": CONTEXT,
        "@type": "Event",
        "name": page.title,
        "url": page.get_full_url(request),
        "eventStatus": status,
        "eventAttendanceMode": ATTENDANCE_MODES[page.attendance_mode],
        "organizer": organization(organizer_url),
    }
    if page.start:
        data["startDate"] = page.start_local.isoformat()
    if page.end:
        data["endDate"] = page.end_local.isoformat()
    description = page.ics_description()
    if description:
        data["description"] = description
    locations = []
    if page.venue or page.address or page.city:
        locations.append(
            {
                "@type": "Place",
                "name": page.venue or page.city,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": page.address,
                    "addressLocality": page.city,
                    "addressCountry": "SE",
                },
            }
        )
    if page.attendance_mode != "offline":
        locations.append({"@type": "VirtualLocation", "url": page.webcast_url or page.get_full_url(request)})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    link = page.registration_link
    if link:
        offer = {
            "@type": "Offer",
            "url": request.build_absolute_uri(link) if request else link,
            "availability": "https://schema.org/SoldOut" if sold_out else "https://schema.org/InStock",
        }
        if valid_through:
            offer["validThrough"] = valid_through.isoformat()
        data["offers"] = offer
    speakers = [block.value.display_name for block in page.speakers if block.value.display_name]
    if speakers:
        data["performer"] = [{"@type": "Person", "name": name} for name in speakers]
    return data


def broadcast(
    *, name, url, status, start, end=None, join_url="", previous_start=None, recording_url="", recorded=False
):
    """An online Event for one broadcast (a series part): its status, time, join link and recording."""
    data = {
        "@type": "Event",
        "name": name,
        "url": url,
        "eventStatus": status,
        "eventAttendanceMode": ATTENDANCE_MODES["online"],
        "startDate": start.isoformat(),
        "location": {"@type": "VirtualLocation", "url": join_url or url},
    }
    if end:
        data["endDate"] = end.isoformat()
    if previous_start:
        data["previousStartDate"] = previous_start.isoformat()
    if recorded and recording_url:
        data["recordedIn"] = {"@type": "VideoObject", "name": name, "contentUrl": recording_url}
    return data


def article(page, request=None, *, published, modified, topics=()):
    """An Article from a page's title, dates, description and topics."""
    url = page.get_full_url(request)
    data = {
        "@context": CONTEXT,
        "@type": "Article",
        "headline": page.title,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": "sv-SE",
        "datePublished": published.isoformat(),
        "dateModified": modified.isoformat(),
        "publisher": organization(),
    }
    if page.search_description or page.intro:
        data["description"] = summary(page)
    if topics:
        data["about"] = [{"@type": "Thing", "name": topic.name} for topic in topics]
    return data
