"""Version 1 of the ctassist JSON API, with its OpenAPI document at /api/v1/openapi.json."""

from ninja import NinjaAPI

from api.v1.assessments import router as assessments_router
from api.v1.assistance import router as assistance_router
from api.v1.cooperation import router as cooperation_router
from api.v1.experts import router as experts_router
from api.v1.funding import router as funding_router
from api.v1.instruments import router as instruments_router
from api.v1.legal_basis import router as legal_basis_router
from api.v1.legislation import router as legislation_router
from api.v1.outcomes import router as outcomes_router
from api.v1.participation import router as participation_router
from api.v1.plans import router as plans_router
from api.v1.projects import router as projects_router
from api.v1.reports import router as reports_router
from api.v1.states import router as states_router
from api.v1.strategy import router as strategy_router
from api.v1.surveys import router as surveys_router

api = NinjaAPI(
    title="ctassist API",
    version="1",
    description="Reference data on the universal legal instruments against terrorism and the "
    "states that join them. Every fact carries its source.",
    urls_namespace="api-v1",
)
api.add_router("", participation_router)
api.add_router("", legislation_router)
api.add_router("", assessments_router)
api.add_router("", assistance_router)
api.add_router("", projects_router)
api.add_router("", funding_router)
api.add_router("", experts_router)
api.add_router("", plans_router)
api.add_router("", outcomes_router)
api.add_router("", cooperation_router)
api.add_router("", legal_basis_router)
api.add_router("", reports_router)
api.add_router("", surveys_router)
api.add_router("", strategy_router)
api.add_router("/instruments", instruments_router)
api.add_router("/states", states_router)
