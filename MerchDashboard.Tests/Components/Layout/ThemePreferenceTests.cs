using MerchDashboard.Components.Layout;

namespace MerchDashboard.Tests.Components.Layout;

public class ThemePreferenceTests
{
    [Theory]
    [InlineData(null, ThemeChoice.System, false)]
    [InlineData("", ThemeChoice.System, false)]
    [InlineData("system-light", ThemeChoice.System, false)]
    [InlineData("system-dark", ThemeChoice.System, true)]
    [InlineData("light", ThemeChoice.Light, false)]
    [InlineData("dark", ThemeChoice.Dark, true)]
    [InlineData("DARK", ThemeChoice.System, false)]
    [InlineData("purple", ThemeChoice.System, false)]
    public void Parse_CookieValue_ChoiceAndDarkness(string? cookie, ThemeChoice choice, bool dark)
    {
        var preference = ThemePreference.Parse(cookie);

        preference.Choice.ShouldBe(choice);
        preference.IsDark.ShouldBe(dark);
    }

    [Fact]
    public void CookieValue_EveryChoiceAndSystemSetting_ParsesBackToTheSameDarkness()
    {
        foreach (var choice in Enum.GetValues<ThemeChoice>())
        {
            foreach (var systemDark in new[] { false, true })
            {
                var preference = new ThemePreference(choice, systemDark);
                var parsed = ThemePreference.Parse(preference.CookieValue);
                parsed.Choice.ShouldBe(choice);
                parsed.IsDark.ShouldBe(preference.IsDark);
            }
        }
    }

    [Fact]
    public void IsDark_AnExplicitChoice_BeatsTheSystemSetting()
    {
        new ThemePreference(ThemeChoice.Light, SystemDark: true).IsDark.ShouldBeFalse();
        new ThemePreference(ThemeChoice.Dark, SystemDark: false).IsDark.ShouldBeTrue();
        new ThemePreference(ThemeChoice.System, SystemDark: true).IsDark.ShouldBeTrue();
    }
}
