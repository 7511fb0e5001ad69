from django.core.management.base import BaseCommand

from demo import content, est_seed, survey_demo
from demo.seed import load_demo


class Command(BaseCommand):
    help = "Load the demo content from the five seed pages (idempotent)."

    def handle(self, *args: object, **options: object) -> None:
        if load_demo():
            self.stdout.write(self.style.SUCCESS("Demodata laddad."))
        else:
            self.stdout.write("Demodata fanns redan; inget lades till.")
        self.stdout.write(f"\nDemoinloggningar (lösenord för alla: {content.DEMO_PASSWORD}):")
        for username, _name, org, role, title in content.USERS:
            self.stdout.write(f"  {username:<15} {title}, {org} ({role})")
        username, _name, role, title = survey_demo.USER
        self.stdout.write(f"  {username:<15} {title}, Svenljunga kommun ({role})")
        for username, _name, org, role, title in est_seed.REPORTERS:
            self.stdout.write(f"  {username:<15} {title}, {org} ({role}, EST)")
        self.stdout.write(f"  {'admin':<15} plattformsadministratör (/plattformsadmin/)")
        self.stdout.write(
            "\nRedaktörer och administratörer registrerar en autentiseringsapp vid första "
            "inloggningen. Utan telefon: skriv nyckeln som visas (#secret) i\n"
            "  python manage.py totp_code NYCKEL\n"
            "och ange koden som skrivs ut (samma kommando vid senare inloggningar)."
        )
        self.stdout.write("\nÖppna http://127.0.0.1:8000/ – personalsidorna finns på /personal/\n")
