"""Voluntary contributions (F8): pledges, payments, exchange rates and expenditure.

Amounts are Decimal, in their own currency, with their value in US dollars computed on
save from the rate in force on their day (funding/money.py); the rate used is kept with
the record, so a later rate never changes what was reported."""

import datetime
from decimal import Decimal

import pycountry
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.access import role_of
from accounts.models import Role
from funding.money import US_DOLLAR, MissingRate, to_cents
from strategy.themes import StrategyPillar, ThematicArea

ISO_4217 = RegexValidator(r"^[A-Z]{3}$", _("Give the currency as its ISO 4217 code, e.g. USD, EUR."))
POSITIVE = MinValueValidator(0)


def check_currency(code: str) -> None:
    if pycountry.currencies.get(alpha_3=code) is None:
        raise ValidationError(_("%(code)s is not an ISO 4217 currency code."), params={"code": code})


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


class ExchangeRate(models.Model):
    """Units of a currency that buy one US dollar, from a day until the next rate."""

    currency = models.CharField(
        _("currency"), max_length=3, validators=[ISO_4217, check_currency], help_text=_("ISO 4217 code")
    )
    date = models.DateField(_("in force from"))
    units_per_usd = models.DecimalField(
        _("units per US dollar"), max_digits=18, decimal_places=6, validators=[MinValueValidator(0.000001)]
    )
    source = models.CharField(_("source"), max_length=300, help_text=_("Where the rate was read."))
    # A generated rate converts only generated records: a real payment never uses one.
    demonstration = models.BooleanField(_("demonstration record (generated, not real)"), default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["currency", "-date"]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        constraints = [models.UniqueConstraint(fields=["currency", "date"], name="one_rate_per_currency_day")]

    def __str__(self) -> str:
        return f"{self.currency} {self.units_per_usd} / USD ({self.date.isoformat()})"

    def clean(self):
        if self.currency == "USD":
            raise ValidationError({"currency": _("A US dollar is one US dollar: record no rate for it.")})


# The conversion lives beside the rates it reads (funding/money.py holds the pure rounding).
def rate_on(currency: str, day: datetime.date, demonstration: bool = False):
    """The ExchangeRate in force on `day` for `currency` (None for US dollars); MissingRate if
    none. Generated (demonstration) rates convert generated records only."""
    if currency == US_DOLLAR:
        return None
    rates = ExchangeRate.objects.filter(currency=currency, date__lte=day)
    if not demonstration:
        rates = rates.filter(demonstration=False)
    rate = rates.order_by("-date").first()
    if rate is None:
        raise MissingRate(currency, day)
    return rate


def in_dollars(amount: Decimal, currency: str, day: datetime.date, demonstration: bool = False):
    """The amount in US dollars (to the cent) and the ExchangeRate used (None for dollars)."""
    rate = rate_on(currency, day, demonstration)
    if rate is None:
        return to_cents(amount), None
    return to_cents(Decimal(amount) / rate.units_per_usd), rate


class Amount(models.Model):
    """An amount of money on a day, with its value in US dollars at the rate of that day."""

    date = models.DateField(_("date"))
    date_precision = models.CharField(
        _("date known to the"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("A source that gives only the year (a report's table) is recorded to the year."),
    )
    amount = models.DecimalField(_("amount"), max_digits=16, decimal_places=2, validators=[POSITIVE])
    currency = models.CharField(
        _("currency"),
        max_length=3,
        default="USD",
        validators=[ISO_4217, check_currency],
        help_text=_("ISO 4217 code"),
    )
    rate = models.ForeignKey(
        ExchangeRate,
        verbose_name=_("rate used"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    amount_usd = models.DecimalField(
        _("amount in US dollars"), max_digits=16, decimal_places=2, editable=False, default=0
    )
    note = models.TextField(_("note"), blank=True)
    demonstration = models.BooleanField(_("demonstration record (generated, not real)"), default=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.convert()  # before anything is written: a missing rate writes nothing
        super().save(*args, **kwargs)

    def convert(self) -> None:
        """Set the value in US dollars; MissingRate (nothing written) if no rate is recorded."""
        self.amount_usd, self.rate = in_dollars(self.amount, self.currency, self.date, self.demonstration)

    def clean(self):
        if self.amount is not None and self.currency and self.date:
            try:
                self.convert()
            except MissingRate as error:
                raise ValidationError({"currency": error}) from None


class ContributionQuerySet(models.QuerySet):
    def published(self):
        """Contributions a report has printed (they carry its citation): anyone may read them."""
        return self.exclude(source="").filter(demonstration=False)

    def visible_to(self, user):
        # A donor's representatives see its own records too; nobody else's unpublished ones.
        if role_of(user) == Role.DONOR:
            return self.filter(
                models.Q(donor__representatives=user) | models.Q(id__in=self.published().values("id"))
            )
        return self.published()


class Pledge(Amount):
    """A donor's promise of money, earmarked for a project, a thematic area or a Strategy pillar."""

    donor = models.ForeignKey(
        "projects.Donor", verbose_name=_("donor"), on_delete=models.PROTECT, related_name="pledges"
    )
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("earmarked for project"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pledges",
    )
    thematic_area = models.CharField(
        _("earmarked for thematic area"), max_length=32, choices=ThematicArea.choices, blank=True
    )
    pillar = models.CharField(
        _("earmarked for Strategy pillar"), max_length=3, choices=StrategyPillar.choices, blank=True
    )
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_(
            "The report that prints it: source key and locator. A contribution with a source is public."
        ),
    )
    reference_key = models.SlugField(
        _("reference data key"),
        max_length=60,
        blank=True,
        editable=False,
        help_text=_("Set for records loaded from the shipped reference data."),
    )

    objects = ContributionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "donor__name"]
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")

    def __str__(self) -> str:
        return f"{self.donor} {self.amount} {self.currency} ({self.date.isoformat()})"

    def donor_user_ids(self) -> set[int]:
        return self.donor.donor_user_ids()


class Payment(Amount):
    """Money received from a donor, against one of its pledges or without one."""

    donor = models.ForeignKey(
        "projects.Donor", verbose_name=_("donor"), on_delete=models.PROTECT, related_name="payments"
    )
    pledge = models.ForeignKey(
        Pledge,
        verbose_name=_("pledge"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="payments",
    )
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_(
            "The report that prints it: source key and locator. A contribution with a source is public."
        ),
    )
    reference_key = models.SlugField(_("reference data key"), max_length=60, blank=True, editable=False)

    objects = ContributionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "donor__name"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")

    def __str__(self) -> str:
        return f"{self.donor} {self.amount} {self.currency} ({self.date.isoformat()})"

    def clean(self):
        if self.pledge_id and self.donor_id and self.pledge.donor_id != self.donor_id:
            raise ValidationError({"pledge": _("A payment is made against a pledge of the same donor.")})
        super().clean()

    def donor_user_ids(self) -> set[int]:
        return self.donor.donor_user_ids()


class ExpenditureKind(models.TextChoices):
    SPENT = "spent", _("spent")
    COMMITTED = "committed", _("committed")


class ExpenditureQuerySet(models.QuerySet):
    def visible_to(self, user):
        if role_of(user) == Role.DONOR:
            return self.filter(project__donors__representatives=user).distinct()
        return self.none()


class Expenditure(Amount):
    """Money spent, or committed (obligated, not yet spent), on a project or one of its activities."""

    project = models.ForeignKey(
        "projects.Project", verbose_name=_("project"), on_delete=models.PROTECT, related_name="expenditure"
    )
    activity = models.ForeignKey(
        "assistance.Activity",
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="expenditure",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ExpenditureKind.choices)

    objects = ExpenditureQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date"]
        verbose_name = _("expenditure")
        verbose_name_plural = _("expenditure")

    def __str__(self) -> str:
        return f"{self.project.code} {self.get_kind_display()} {self.amount} {self.currency}"

    def clean(self):
        if self.activity_id and self.project_id and self.activity.project_id != self.project_id:
            raise ValidationError({"activity": _("The activity belongs to another project.")})
        super().clean()

    def donor_user_ids(self) -> set[int]:
        return self.project.donor_user_ids()


class PrintedTotal(models.Model):
    """The total a source prints under its table, kept to compare with the sum of its rows.

    ctassist never prints this figure as a total: it prints the sum of the records and,
    where the two differ, a note on the source."""

    public_reference = True

    source = models.CharField(_("source"), max_length=80, unique=True, help_text=_("Source key."))
    amount = models.DecimalField(_("printed total"), max_digits=16, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    locator = models.CharField(_("where it is printed"), max_length=100, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["source"]
        verbose_name = _("printed total")
        verbose_name_plural = _("printed totals")

    def __str__(self) -> str:
        return f"{self.source}: {self.amount} {self.currency}"
