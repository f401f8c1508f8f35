from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import urlencode

from accord.kernel.accounts.policy import require

from .forms import LocalSignInForm, SignInForm
from .oidc.config import oidc_config, sso_enabled
from .oidc.local_sign_in import local_sign_in_allowed, may_switch_off, set_local_sign_in, signed_in_with_sso
from .policy import Action


@method_decorator(login_not_required, name="dispatch")
class SignInView(auth_views.LoginView):
    """Single sign-on first when it is set up; the username and password form while it is allowed."""

    form_class = SignInForm
    template_name = "accounts/sign_in.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        config = oidc_config()
        next_url = self.request.GET.get("next", "")
        context["sso_label"] = config.label if config else ""
        context["sso_url"] = reverse("oidc-start") + (f"?{urlencode({'next': next_url})}" if next_url else "")
        context["local_allowed"] = local_sign_in_allowed()
        return context

    def post(self, request, *args, **kwargs):
        if not local_sign_in_allowed():
            context = self.get_context_data(local_refused=True)
            return self.render_to_response(context, status=403)
        return super().post(request, *args, **kwargs)


class SignOutView(auth_views.LogoutView):
    pass


def locked_out(request, credentials=None, *args, **kwargs):
    """Shown after too many failed sign-ins (django-axes)."""
    return render(request, "accounts/locked_out.html", status=429)


def sign_in_settings(request: HttpRequest) -> HttpResponse:
    """Administrators: switch sign-in with a username and password off (only from a single sign-on
    session, so nobody locks themselves out) or back on."""
    require(request, Action.MANAGE_SIGN_IN)
    allowed = local_sign_in_allowed()
    form = LocalSignInForm(request.POST or None, initial={"local_sign_in": "yes" if allowed else "no"})
    if request.method == "POST" and form.is_valid():
        enabled = form.cleaned_data["local_sign_in"] == "yes"
        if not enabled and not may_switch_off(request):
            form.add_error(
                "local_sign_in",
                "You can only switch this off after signing in through single sign-on",
            )
        else:
            set_local_sign_in(enabled, actor=request.user, reason=form.cleaned_data["reason"])
            messages.success(
                request,
                "People can sign in with a username and password"
                if enabled
                else "People can now sign in only through single sign-on",
            )
            return redirect("sign-in-settings")
    return render(
        request,
        "accounts/sign_in_settings.html",
        {
            "form": form,
            "sso_enabled": sso_enabled(),
            "via_sso": signed_in_with_sso(request),
            "may_switch_off": may_switch_off(request),
            "local_allowed": allowed,
        },
        status=400 if form.errors else 200,
    )
